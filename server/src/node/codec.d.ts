import type { GbkCodec } from '../core';
export declare const gbkCodec: GbkCodec;
