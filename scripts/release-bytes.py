#!/usr/bin/env python3
"""What a browser holding release OLD downloads to get release NEW, per file and in total, raw, gzip -9 and
brotli -q 11 (the site build's precompression), the manifest counted on both sides.

    scripts/release-bytes.py OLD_DIR NEW_DIR

Files are compressed one by one with the gzip and brotli command-line tools (Debian: gzip, brotli). The figure
in Chromium, from the Cache API state of OLD, is scripts/update-bench.sh's.
"""
import json
import os
import subprocess
import sys


def compressed(tool, path):
    args = [tool, "-9", "-c", path] if tool == "gzip" else [tool, "-q", "11", "-c", path]
    return len(subprocess.run(args, capture_output=True, check=True).stdout)


def sizes(path):
    return [os.path.getsize(path), compressed("gzip", path), compressed("brotli", path)]


def main(old_dir, new_dir):
    old = json.load(open(os.path.join(old_dir, "manifest.json")))
    new = json.load(open(os.path.join(new_dir, "manifest.json")))
    held = {(f["name"], f["sha256"]) for f in old["files"]}
    full = [0, 0, 0]
    fetched = [0, 0, 0]
    for entry in new["files"]:
        s = sizes(os.path.join(new_dir, entry["name"]))
        shared = (entry["name"], entry["sha256"]) in held
        print("%-32s raw %10d  gzip %10d  brotli %10d  %s" % (entry["name"], *s, "shared" if shared else "NEW"))
        full = [a + b for a, b in zip(full, s)]
        if not shared:
            fetched = [a + b for a, b in zip(fetched, s)]
    m = sizes(os.path.join(new_dir, "manifest.json"))
    full = [a + b for a, b in zip(full, m)]
    fetched = [a + b for a, b in zip(fetched, m)]
    for i, name in enumerate(["raw", "gzip", "brotli"]):
        print("%-6s full %10d  fetched %10d  %.1f %%" % (name, full[i], fetched[i], 100.0 * fetched[i] / full[i]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
