// Writes the 15 MB benchmark slice of news.csv.gz described in
// /work/shared/bench/README.md: articles in file order while the slice stays
// <= 15,000,000 bytes, each as "title\n\nbody\n\f\n".
//   node slice.js NEWS_CSV_GZ OUT_TXT
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const crypto = require('crypto');

const [input, output] = process.argv.slice(2);
const csv = zlib.gunzipSync(fs.readFileSync(input)).toString('utf8');

// RFC 4180 records: quotes, doubled quotes, newlines inside quoted fields.
function* records(text) {
  let fields = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field); field = '';
      yield fields; fields = [];
    } else field += c;
  }
  if (field !== '' || fields.length) { fields.push(field); yield fields; }
}

const rows = records(csv);
const header = rows.next().value;
const title = header.indexOf('title'), body = header.indexOf('body');
const pieces = [];
let bytes = 0, articles = 0;
for (const row of rows) {
  const piece = Buffer.from(`${row[title]}\n\n${row[body]}\n\f\n`, 'utf8');
  if (bytes + piece.length > 15000000) break;
  pieces.push(piece);
  bytes += piece.length;
  articles++;
}
const slice = Buffer.concat(pieces);
fs.writeFileSync(output, slice);
const sha = crypto.createHash('sha256').update(slice).digest('hex');
console.log(JSON.stringify({articles, bytes, sha256: sha}));
