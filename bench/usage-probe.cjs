// Preloaded into each benchmarked synth (node --require): at exit, writes the process's own CPU
// time and peak RSS to $BENCH_USAGE_FILE, so the bench needs no /usr/bin/time.
"use strict";
const fs = require("node:fs");
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }));
  });
}
