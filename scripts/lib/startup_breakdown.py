#!/usr/bin/env python3
"""Where the starter's start-up time goes, for scripts/startup-breakdown.sh.

Usage: startup_breakdown.py WORK JAVA...

WORK holds with-starter.jar (the sample daemon), without-ours.jar (without fifo-liveness's own
jars, jnr's still there) and without-starter.jar (without either). For each JAVA it prints:
  - classes loaded by "Started" (-Xlog:class+load), in all, of fifo-liveness, of jnr/jffi/asm,
    and of the foreign function API, for each jar with the beacon off, and the starter's with
    the beacon on;
  - the beacon's share of Spring Boot's start-up steps (BufferingApplicationStartup, read from
    /actuator/startup): each step that names a fifo-liveness bean or class, by duration;
  - JFR's execution samples up to "Started", every 2 ms, everything off and beacon on: how many
    have a fifo-liveness, jnr or foreign-function frame, and the fifo-liveness methods outermost
    in them.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

WORK = sys.argv[1]
JAVAS = sys.argv[2:]
STARTED = re.compile(r"Started \S+ in ([0-9.]+) seconds")
PORT = re.compile(r"Tomcat started on port (?:\(s\): )?(\d+)")
OURS = re.compile(r"io\.github\.fifoliveness\.(?!sample)")
JNR = re.compile(r"^(jnr\.|com\.kenai\.jffi\.|org\.objectweb\.asm\.)")
FOREIGN = re.compile(r"^(java\.lang\.foreign\.|jdk\.internal\.foreign\.)")


def start(java, jar, name, beacon, options=(), extra=()):
    fifo_dir = os.path.join(WORK, "run-" + name)
    log_path = os.path.join(WORK, name + ".log")
    command = [java, *options, "-jar", os.path.join(WORK, jar), "--server.port=0",
               "--fifo-liveness.beacon.enabled=" + str(beacon).lower(),
               "--fifo-liveness.beacon.path=" + fifo_dir + "/sample-daemon.fifo",
               "--fifo-liveness.beacon.readiness-path=" + fifo_dir + "/sample-daemon-ready.fifo", *extra]
    log = open(log_path, "w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        text = open(log_path).read()
        if STARTED.search(text):
            return process, text
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    sys.exit(f"{name} did not start; its output:\n" + open(log_path).read())


def stop(process):
    process.send_signal(signal.SIGKILL)
    process.wait()


def classes(java, jar, name, beacon):
    path = os.path.join(WORK, name + ".classes")
    process, _ = start(java, jar, name, beacon, ["-Xlog:class+load=info:file=" + path])
    stop(process)
    names = [line.split()[1] for line in open(path) if "class,load" in line and len(line.split()) > 1]
    return (len(names), sum(1 for n in names if OURS.match(n)), sum(1 for n in names if JNR.match(n)),
            sum(1 for n in names if FOREIGN.match(n)))


def steps(java):
    process, text = start(java, "with-starter.jar", "steps", True, ["-Dsample.startup-steps=true"],
                          ["--management.endpoints.web.exposure.include=startup"])
    try:
        port = PORT.search(text).group(1)
        with urllib.request.urlopen(f"http://localhost:{port}/actuator/startup") as response:
            timeline = json.load(response)["timeline"]
    finally:
        stop(process)
    found = []
    for event in timeline["events"]:
        step = event["startupStep"]
        tags = " ".join(f"{t['key']}={t['value']}" for t in step.get("tags", []))
        tags = tags.replace("io.github.fifoliveness.sample.", "sample.")
        if re.search(r"fifo|[Bb]eacon|nativePosix|[Pp]eers?[A-Z.=]|io\.github\.fifoliveness", tags):
            duration = float(event["duration"][2:-1]) * 1000 if event["duration"].startswith("PT") else 0
            found.append((duration, step["name"], tags))
    return sorted(found, reverse=True)


def samples(java, beacon):
    """Samples every 2 ms of all threads to Started: how many, how many in our code or native
    calls, and our outermost methods in them, most sampled first."""
    recording = os.path.join(WORK, "startup.jfr")
    process, _ = start(java, "with-starter.jar", "jfr", beacon,
                       ["-XX:FlightRecorderOptions:stackdepth=256",
                        "-XX:StartFlightRecording:settings=profile,jdk.ExecutionSample#period=2ms"])
    jcmd = os.path.join(os.path.dirname(java), "jcmd")
    subprocess.run([jcmd, str(process.pid), "JFR.dump", "filename=" + recording], capture_output=True, check=True)
    stop(process)
    tool = os.path.join(os.path.dirname(java), "jfr")
    printed = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                             capture_output=True, text=True, check=True).stdout
    stacks = printed.split("jdk.ExecutionSample")[1:]
    outermost = {}
    for stack in stacks:
        frames = re.findall(r"^\s+(io\.github\.fifoliveness\.(?!sample)[\w.$]+)\(", stack, re.MULTILINE)
        if frames:
            outermost[frames[-1]] = outermost.get(frames[-1], 0) + 1
    native = sum(1 for s in stacks if re.search(r"jnr\.|com\.kenai\.jffi|java\.lang\.foreign|jdk\.internal\.foreign", s))
    return len(stacks), sum(outermost.values()), native, sorted(outermost.items(), key=lambda e: -e[1])


for java in JAVAS:
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(version)
    print(f"{'classes loaded by Started':46} {'all':>6} {'ours':>6} {'jnr':>6} {'FFM':>6}")
    for jar, name, beacon in (("without-starter.jar", "no starter", False),
                              ("without-ours.jar", "jnr's jars only, unread", False),
                              ("with-starter.jar", "starter, everything off", False),
                              ("with-starter.jar", "starter, beacon on", True)):
        counts = classes(java, jar, name.replace(" ", "-").replace(",", "").replace("'", ""), beacon)
        print(f"{name:46} {counts[0]:6} {counts[1]:6} {counts[2]:6} {counts[3]:6}")
    print()
    print("Spring Boot's start-up steps that name fifo-liveness, beacon on (longest first)")
    found = steps(java)
    for duration, name, tags in found[:12]:
        print(f"{duration:8.1f} ms  {name}  {tags[:90]}")
    instantiated = sum(d for d, n, _ in found if n == "spring.beans.instantiate")
    print(f"{instantiated:8.1f} ms  in all, beans instantiated (nested steps overlap)")
    print()
    for label, beacon in (("everything off", False), ("beacon on", True)):
        total, ours, native, methods = samples(java, beacon)
        print(f"JFR execution samples (2 ms) to Started, {label}: {total}; with a fifo-liveness frame: {ours};"
              f" with a jnr, jffi or foreign-function frame: {native}")
        for method, count in methods[:4]:
            print(f"{count:8}  {method.replace('io.github.fifoliveness.', '')}")
    print()
