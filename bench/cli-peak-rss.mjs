// Loaded with `node --import` into the CLI's process by bench/case-cli.ts: reports the process's
// peak RSS (worker threads included) on stderr as it exits, for the bench to read.
process.on('exit', () => {
  process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
