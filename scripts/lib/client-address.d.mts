import type { IncomingMessage, ServerResponse } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: "x-backcare-client-address";
export declare function pickClientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string;
export declare function withClientAddress(
  listener: (request: IncomingMessage, response: ServerResponse) => unknown,
  hops: number,
): (request: IncomingMessage, response: ServerResponse) => void;
export declare function trustClientAddressHeader(): void;
