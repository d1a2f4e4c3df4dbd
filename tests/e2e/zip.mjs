// Zip archives for the tests to drop and pick: .docx packages and folders of reports. One writer for all
// of them (the layout of the core's export::zip), stored or deflated as Word writes them.
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip of `entries`, each [name, data] (a string or a Buffer). A name given as bytes is written as
 * Windows' own zip writes it: in the code page, without the UTF-8 flag. With `deflate`, each entry is
 * compressed.
 */
export function zip(entries, { deflate = false } = {}) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, contents] of entries) {
    const n = Buffer.isBuffer(name) ? name : Buffer.from(name);
    const raw = Buffer.isBuffer(contents) ? contents : Buffer.from(contents);
    const data = deflate ? deflateRawSync(raw) : raw;
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(Buffer.isBuffer(name) ? 0 : 0x0800, 2);
    common.writeUInt16LE(deflate ? 8 : 0, 4);
    common.writeUInt16LE(0x21, 8);
    common.writeUInt32LE(crc32(raw), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(raw.length, 18);
    common.writeUInt16LE(n.length, 22);
    const head = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), common, n, data]);
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([Buffer.from([0x50, 0x4b, 1, 2, 20, 0]), common, tail, n]));
    local.push(head);
    offset += head.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}
