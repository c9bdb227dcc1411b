#!/usr/bin/env python3
"""Draws the benchmarks' main results as SVG charts, from the tables they print.

Usage: charts.py --out FOLDER [--caption TEXT] [--only NAME]... FILE...

Reads every FILE (the saved output of scripts/bench.sh or scripts/bench-events.sh, or
docs/performance.md, which quotes those tables) and writes a chart for each table it finds:

  probe-cost.svg     bench.sh "== 1.": one liveness check against the C floor and the alternatives
  event-latency.svg  bench-events.sh "== 1." and "== 1b.": a change to its event, watched and polled
  idle-cost.svg      bench-events.sh "== 2.": a monitor at rest, by number of peers
  startup-cost.svg   starter-cost.sh "== A." and "== B.": what the starter adds to start-up, per JDK

Where a table appears more than once (two runs in one file), the first one counts; in the
idle table, each mode and number of peers is one point (the median where it was measured
more than once, as the 2-peer baseline is for each number of peers). The caption (default: the
"Machine:" line of the input) is written under each chart; --only probe-cost (and so on)
writes only the charts named. Needs python3-matplotlib; without
it, exits with status 3 and says how to get it.
"""
import argparse
import re
import statistics
import sys

ONE_CHECK = re.compile(r"^(?P<label>\S.*?)\s+(?P<ns>[\d,]+)(?: ±[\d,]+)?\s+(?P<floor>[\d.]+)×\s+(?P<probe>[\d.]+)×")
EVENT = re.compile(r"^(?P<event>\S.*?)\s+(?P<n>\d+)\s+(?P<p50>[\d.]+) ms\s+(?P<p90>[\d.]+) ms\s+(?P<p99>[\d.]+) ms\s+[\d.]+ ms$")
JDK = re.compile(r"^(?:openjdk|java) version \"(?P<version>[^\"]+)\"")
QUANTILE = re.compile(r"^(?P<q>p25|p50|p75)\s.*?(?P<started>[-+]\d+)\s+(?P<cpu>[-+]\d+)\s+(?P<settled>[-+]\d+) ms\s+\(")
QUARTILE = re.compile(r"^(?P<q>p25|p75)\s+(?P<started>[-+]\d+)\s+(?P<cpu>[-+]\d+)\s+(?P<settled>[-+]\d+) ms")
IDLE = re.compile(r"^(?P<mode>watch|poll)\s+(?P<peers>\d+)\s+[\d.]+ ms\s+(?P<core>[\d.]+)%")


def sections(lines):
    """Splits the lines into (title, rows) for each '== ' heading, and the Machine line."""
    machine, title, found = None, None, []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("Machine:") and machine is None:
            machine = line[len("Machine:"):].strip()
        if line.startswith("== "):
            title = line[3:]
            found.append((title, []))
        elif title is not None and line.startswith("```"):
            title = None
        elif title is not None:
            found[-1][1].append(line)
    return machine, found


def one_check(found):
    for title, rows in found:
        if title.startswith("1. One liveness check"):
            return [(m["label"], float(m["ns"].replace(",", ""))) for m in map(ONE_CHECK.match, rows) if m]
    # docs/performance.md quotes the table without the bench's "== 1." heading.
    return None


def one_check_from_markdown(lines):
    rows, inside = [], False
    for line in lines:
        if line.startswith("check ") and "ns/op" in line:
            inside = True
            continue
        if inside:
            m = ONE_CHECK.match(line)
            if not m:
                break
            rows.append((m["label"], float(m["ns"].replace(",", ""))))
    return rows or None


def latencies(found, prefix):
    for title, rows in found:
        if title.startswith(prefix):
            return [(m["event"], float(m["p50"]), float(m["p99"])) for m in map(EVENT.match, rows) if m]
    return None


def idle(found):
    points = {}
    for title, rows in found:
        if title.startswith("2. Idle monitor"):
            for m in filter(None, map(IDLE.match, rows)):
                points.setdefault(m["mode"], {}).setdefault(int(m["peers"]), []).append(float(m["core"]))
            break
    return {mode: sorted((peers, statistics.median(v)) for peers, v in by.items()) for mode, by in points.items()} or None


def startup(found):
    """{comparison title: [(jdk, {p25|p50|p75: (cpu at Started, cpu 5 s later)})]} from starter-cost.sh."""
    tables = {}
    for title, rows in found:
        if not (title.startswith("A. ") or title.startswith("B. ")):
            continue
        runs = []
        for row in rows:
            jdk = JDK.match(row)
            if jdk:
                runs.append((jdk["version"].split(".")[0], {}))
                continue
            m = QUANTILE.match(row) or QUARTILE.match(row)
            if m and runs:
                runs[-1][1][m["q"]] = (float(m["cpu"]), float(m["settled"]))
        runs = [(jdk, q) for jdk, q in runs if {"p25", "p50", "p75"} <= q.keys()]
        if runs:
            tables[title] = runs
    return tables or None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--caption")
    parser.add_argument("--only", action="append", choices=["probe-cost", "event-latency", "idle-cost", "startup-cost"])
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    lines = []
    for name in args.files:
        with open(name, encoding="utf-8") as file:
            lines.extend(file.read().splitlines())
    machine, found = sections(lines)
    caption = args.caption or machine or ""

    try:
        import matplotlib
    except ImportError:
        print("No charts: python3 cannot import matplotlib. Install python3-matplotlib "
              "(Debian: apt-get install python3-matplotlib, or run .ci/install-test-tools as root).", file=sys.stderr)
        return 3
    matplotlib.use("svg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker
    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "fifo-liveness", "font.size": 10,
                         "font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False})

    def layout(figure):
        # Room for the title above and the caption below, whatever the figure's height.
        height = figure.get_figheight()
        figure.tight_layout(rect=(0, 0.3 / height, 1, 1 - 0.05 / height))

    def save(figure, name):
        figure.text(0.01, 0.01, caption, fontsize=8, color="#555555")
        path = f"{args.out}/{name}"
        figure.savefig(path, format="svg", metadata={"Date": None})
        plt.close(figure)
        print(f"Wrote {path}")

    wanted = set(args.only or ["probe-cost", "event-latency", "idle-cost", "startup-cost"])
    written = 0
    checks = one_check(found) or one_check_from_markdown(lines)
    if checks and "probe-cost" in wanted:
        figure, axes = plt.subplots(figsize=(9, 0.42 * len(checks) + 1.4))
        labels = [label for label, _ in checks]
        values = [ns for _, ns in checks]
        colours = ["#2b7bba" if l.startswith("fifo-liveness") else "#9a9a9a" if l.startswith("C floor") else "#d9822b"
                   for l in labels]
        bars = axes.barh(range(len(checks)), values, color=colours)
        axes.set_yticks(range(len(checks)), labels)
        axes.invert_yaxis()
        axes.set_xscale("log")
        axes.set_xlabel("nanoseconds per check (log scale)")
        figure.suptitle("One liveness check: the probe, the same system calls in C, and the alternatives",
                        x=0.01, ha="left", fontsize=10)
        probe = values[0]
        for bar, ns in zip(bars, values):
            times = f", {ns / probe:,.0f}× the probe" if ns / probe >= 1.5 else ""
            axes.text(bar.get_width() * 1.08, bar.get_y() + bar.get_height() / 2, f"{ns:,.0f} ns{times}",
                      va="center", fontsize=8)
        axes.set_xlim(left=1000, right=max(values) * 60)
        layout(figure)
        save(figure, "probe-cost.svg")
        written += 1

    watched, polled = latencies(found, "1. "), latencies(found, "1b. ")
    if watched and polled and "event-latency" in wanted:
        events = [event for event, _, _ in watched]
        poll = {event: (p50, p99) for event, p50, p99 in polled}
        figure, axes = plt.subplots(figsize=(8, 0.55 * len(events) + 1.6))
        height = 0.38
        for offset, name, colour, rows in ((-height / 2, "watched", "#2b7bba", [(p50, p99) for _, p50, p99 in watched]),
                                           (height / 2, "polled every 1 s", "#d9822b", [poll.get(e, (0, 0)) for e in events])):
            y = [i + offset for i in range(len(events))]
            p50 = [r[0] for r in rows]
            whisker = [[0] * len(rows), [r[1] - r[0] for r in rows]]
            axes.barh(y, p50, height=height, color=colour, label=f"{name}: median, line to p99",
                      xerr=whisker, error_kw={"ecolor": "#333333", "capsize": 2, "elinewidth": 0.8})
            for yy, (median, p99) in zip(y, rows):
                axes.text(max(median, p99) * 1.12, yy, f"{median:.1f} ms" if median < 100 else f"{median:.0f} ms",
                          va="center", ha="left", fontsize=7)
        axes.set_yticks(range(len(events)), events)
        axes.invert_yaxis()
        axes.set_xscale("log")
        axes.set_xlim(left=0.1, right=5000)
        axes.set_xlabel("milliseconds from the change to the PeerStatusChangedEvent (log scale)")
        figure.suptitle("From a change of the sample daemon to the monitor's event", x=0.01, ha="left", fontsize=10)
        axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=2, fontsize=8, frameon=False)
        layout(figure)
        save(figure, "event-latency.svg")
        written += 1

    points = idle(found)
    if points and "idle-cost" in wanted:
        figure, axes = plt.subplots(figsize=(8, 4))
        for mode, colour, name in (("watch", "#2b7bba", "watched"), ("poll", "#d9822b", "polled every 1 s")):
            if mode not in points:
                continue
            x = [peers for peers, _ in points[mode]]
            y = [core for _, core in points[mode]]
            axes.plot(x, y, marker="o", color=colour, label=name)
            for xx, yy in zip(x, y):
                first = xx == x[0]
                below = first and mode == "watch"
                axes.annotate(f"{yy:.3g}%", (xx, yy), textcoords="offset points",
                              xytext=(8 if first else -8, -14 if below else 6),
                              ha="left" if first else "right", fontsize=8, color=colour)
        axes.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:,.0f}"))
        axes.set_xlim(left=0)
        axes.set_xlabel("peers, half of them alive")
        axes.set_ylabel("% of one core, at rest")
        axes.set_ylim(bottom=0)
        figure.suptitle("What a monitor costs while nothing happens", x=0.01, ha="left", fontsize=10)
        axes.legend(loc="upper left", fontsize=8, frameon=False)
        layout(figure)
        save(figure, "idle-cost.svg")
        written += 1

    comparisons = startup(found)
    if comparisons and "startup-cost" in wanted:
        figure, axes = plt.subplots(figsize=(8, 0.5 * sum(len(r) for r in comparisons.values()) * 2 + 1.6))
        labels, y, height = [], 0, 0.38
        for title, runs in comparisons.items():
            for jdk, q in runs:
                for offset, index, colour, name in ((-height / 2, 0, "#2b7bba", "CPU at Started"),
                                                    (height / 2, 1, "#d9822b", "CPU 5 s later")):
                    median, low, high = q["p50"][index], q["p25"][index], q["p75"][index]
                    axes.barh(y + offset, median, height=height, color=colour,
                              label=name if not labels else None,
                              xerr=[[median - low], [high - median]],
                              error_kw={"ecolor": "#333333", "capsize": 2, "elinewidth": 0.8})
                    axes.text(max(median, high, 0) + 8, y + offset, f"{median:+.0f} ms", va="center", fontsize=7)
                labels.append(f"{title[3:].split(':')[0]}\nJDK {jdk}")
                y += 1
        axes.set_yticks(range(len(labels)), labels, fontsize=8)
        axes.invert_yaxis()
        axes.axvline(0, color="#333333", linewidth=0.8)
        axes.set_xlabel("milliseconds of CPU added: median of the pairs' differences, line from p25 to p75")
        figure.suptitle("What the starter adds to the sample daemon's start-up", x=0.01, ha="left", fontsize=10)
        axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=2, fontsize=8, frameon=False)
        layout(figure)
        save(figure, "startup-cost.svg")
        written += 1

    if not written:
        print("No charts: none of the benchmark tables was found in " + ", ".join(args.files), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
