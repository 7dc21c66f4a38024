// Peer for bench/mail: mailauth (npm) verifying every message of an mbox
// with the keys of a leaklaw key archive through a custom resolver (no
// DNS). LF is turned into CRLF first, as leaklaw does.
// Usage: node mailauth_verify.mjs KEYS MBOX  -> "verified N of M"
import { readFileSync } from 'node:fs';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';

const keys = new Map();
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const i = line.indexOf(' ');
    keys.set(line.slice(0, i).toLowerCase().replace(/\.$/, ''), line.slice(i + 1));
}
const resolver = async (name, type) => {
    const rec = keys.get(name.toLowerCase().replace(/\.$/, ''));
    if (type !== 'TXT' || !rec) {
        const err = new Error('not found'); err.code = 'ENOTFOUND'; throw err;
    }
    return [[rec]];
};
const data = readFileSync(process.argv[3]);
const text = data.toString('latin1');
const parts = text.split('\n\nFrom ');
let ok = 0, total = 0;
for (const part of parts) {
    const msg = part.slice(part.indexOf('\n') + 1).replace(/\n/g, '\r\n');
    total++;
    const res = await dkimVerify(Buffer.from(msg, 'latin1'), { resolver });
    if (res.results.some(r => r.status.result === 'pass')) ok++;
}
console.log(`verified ${ok} of ${total}`);
