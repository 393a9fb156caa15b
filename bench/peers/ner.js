// Times a peer NER library on the benchmark slice, one article at a time, on
// one core, as kg extracts: people, organisations and money (compromise), or
// wink-nlp's entities (its lite model has no person/organisation tags).
//   node ner.js compromise|wink SLICE_TXT [MAX_MB]
// With MAX_MB, only the first articles of the slice, up to about MAX_MB, are
// timed (compromise is slow enough that the whole slice takes many minutes).
'use strict';
const fs = require('fs');

const [library, slicePath, maxMb] = process.argv.slice(2);
let articles = fs.readFileSync(slicePath, 'utf8').split('\n\f\n').filter((a) => a.length > 0);
if (maxMb) {
  let kept = 0, total = 0;
  while (kept < articles.length && total < Number(maxMb) * 1e6) {
    total += Buffer.byteLength(articles[kept], 'utf8');
    kept++;
  }
  articles = articles.slice(0, kept);
}
const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a, 'utf8'), 0);

let analyse;
const loadStart = process.hrtime.bigint();
if (library === 'compromise') {
  const nlp = require('compromise');
  analyse = (text) => {
    const doc = nlp(text);
    return doc.people().length + doc.organizations().length + doc.money().length;
  };
} else if (library === 'wink') {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  analyse = (text) => nlp.readDoc(text).entities().length();
} else {
  console.error('usage: node ner.js compromise|wink SLICE_TXT');
  process.exit(2);
}
const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

let entities = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (const article of articles) entities += analyse(article);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;  // the process: includes V8's GC threads
console.log(JSON.stringify({
  library, articles: articles.length, bytes, load_seconds: loadSeconds, seconds,
  mb_per_s: bytes / 1e6 / seconds, cpu_seconds: cpuSeconds, cpu_mb_per_s: bytes / 1e6 / cpuSeconds,
  entities,
}));
