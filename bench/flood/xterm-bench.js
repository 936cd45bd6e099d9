// Usage: node bench.js ../flood.bin [chunkBytes] [dumpFile]
// Parses the file with @xterm/headless 200x50, scrollback 10000; prints MB/s; dumps scrollback+screen text.
const fs = require('fs');
const { Terminal } = require('@xterm/headless');
const file = process.argv[2] || '../flood.bin';
const chunk = parseInt(process.argv[3] || '65536', 10);
const dump = process.argv[4];
const data = fs.readFileSync(file);
const term = new Terminal({ cols: 200, rows: 50, scrollback: 10000, allowProposedApi: true });
let off = 0;
const t0 = process.hrtime.bigint(); const cpu0 = process.cpuUsage();
function pump() {
  // feed in chunks, waiting for the parser to catch up (as a socket 'data' handler with flow control would)
  if (off >= data.length) return done();
  const end = Math.min(off + chunk, data.length);
  const piece = data.subarray(off, end);
  off = end;
  term.write(piece, pump);
}
function done() {
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const mu = process.memoryUsage(); const cpu = process.cpuUsage(cpu0);
  const buf = term.buffer.active;
  let hwm = -1;
  try { hwm = parseInt(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1], 10) / 1024; } catch (e) { }
  console.log(`RESULT xterm.js headless 6.0.0: ${(data.length / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s = ` +
    `${(data.length / 1e6 / secs).toFixed(1)} MB/s (process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s); buffer lines=${buf.length} (scrollback ${buf.length - 50}); ` +
    `rss=${(mu.rss / 1048576).toFixed(0)} MB heapUsed=${(mu.heapUsed / 1048576).toFixed(0)} MB, peak RSS ${hwm.toFixed(0)} MB`);
  if (dump) {
    const out = [];
    for (let i = 0; i < buf.length; i++) out.push(buf.getLine(i).translateToString(true));
    fs.writeFileSync(dump, out.join('\n') + '\n');
    // colour sample: last log line in buffer
    for (let i = buf.length - 1; i >= 0; i--) {
      const l = buf.getLine(i); const s = l.translateToString(true);
      if (s.includes('[worker-')) {
        const lv = l.getCell(s.indexOf(" ") + 1);
        const cls = l.getCell(s.indexOf('] ') + 2);
        console.log(`sample line ${i - (buf.length - 50)} (screen-relative): "${s.slice(0, 60)}..." level fg palette=${lv.getFgColor()} bold=${lv.isBold()}; class fg palette=${cls.getFgColor()}; ts dim=${l.getCell(0).isDim()}`);
        break;
      }
    }
  }
}
pump();
