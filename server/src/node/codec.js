"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.gbkCodec = void 0;
/**
 * The GBK byte codec the analysis core needs for repairing misaligned lines, backed by iconv-lite.
 *
 * Both directions are remembered per character / per byte pair: a damaged line asks for the same few hundred
 * characters again and again, and one iconv-lite call (a Buffer and a decoder each) cost more than the whole rest of
 * the repair — a text full of misaligned lines took 2.5 s per MB.
 */
const iconv = __importStar(require("iconv-lite"));
const QUESTION = 0x3f;
/** By UTF-16 code unit: its GBK bytes, null when GBK has none, undefined until asked. */
const encoded = new Array(0x10000);
/** By (lead << 8 | trail): the decoded code unit, NONE when unassigned, 0 until asked. */
const decoded = new Uint16Array(0x10000);
const NONE = 0xffff;
function encodeUncached(ch) {
    const bytes = iconv.encode(ch, 'gbk');
    // iconv-lite writes "?" for characters GBK lacks
    return bytes.length === 1 && bytes[0] === QUESTION && ch !== '?' ? undefined : Array.from(bytes);
}
exports.gbkCodec = {
    encodeChar(ch) {
        if (ch.length !== 1)
            return encodeUncached(ch);
        const c = ch.charCodeAt(0);
        let bytes = encoded[c];
        if (bytes === undefined)
            encoded[c] = bytes = encodeUncached(ch) ?? null;
        return bytes ?? undefined;
    },
    decodePair(lead, trail) {
        const key = ((lead & 0xff) << 8) | (trail & 0xff);
        let code = decoded[key];
        if (code === 0) {
            const s = iconv.decode(Buffer.from([lead, trail]), 'gbk');
            code = s.length === 1 && s !== '\uFFFD' && s.charCodeAt(0) !== NONE ? s.charCodeAt(0) : NONE;
            decoded[key] = code;
        }
        return code === NONE ? undefined : String.fromCharCode(code);
    },
};
//# sourceMappingURL=codec.js.map