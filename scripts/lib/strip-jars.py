#!/usr/bin/env python3
"""Copies a Spring Boot executable jar without some of its nested libraries.

Usage: strip-jars.py SOURCE.jar TARGET.jar PREFIXES

PREFIXES is a regular expression alternation of file-name prefixes under BOOT-INF/lib/
(such as 'fifo-liveness-|jnr-'); the libraries are left out of the jar, its classpath index and
its layers index. Nested jars stay stored, as Spring Boot's loader needs. Says what it removed,
and fails when nothing matched.
"""
import re
import sys
import zipfile

source_jar, target_jar, prefixes = sys.argv[1:4]
library = re.compile(r"BOOT-INF/lib/(" + prefixes + r")[^/]*\.jar")
with zipfile.ZipFile(source_jar) as source, zipfile.ZipFile(target_jar, "w") as target:
    removed = [name for name in source.namelist() if library.fullmatch(name)]
    if not removed:
        sys.exit(f"No library matching '{prefixes}' in {source_jar}")
    for info in source.infolist():
        if info.filename in removed:
            continue
        data = source.read(info.filename)
        if info.filename in ("BOOT-INF/classpath.idx", "BOOT-INF/layers.idx"):
            data = "".join(line for line in data.decode().splitlines(True) if not library.search(line)).encode()
        target.writestr(info, data, compress_type=info.compress_type)
print(target_jar.rsplit("/", 1)[-1] + " without: " + ", ".join(name.rsplit("/", 1)[1] for name in removed),
      file=sys.stderr)
