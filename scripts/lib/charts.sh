# Sourced by the benchmark scripts. write_charts <tables> <caption> draws the tables a
# benchmark printed (saved in the file <tables>) as SVG charts with scripts/lib/charts.py: into
# $CHARTS, by default docs/ (benchmarks/target/charts for BENCH_QUICK=1 runs, so that a smoke
# run never replaces the published charts), with the first python3 that has matplotlib: the
# one on the PATH, else Debian's. Where none has it, it says how to get it, and the tables
# above are the result.
write_charts() {
	local tables=$1 caption=$2 charts=${CHARTS:-docs} python
	if [[ -n ${BENCH_QUICK:-} && -z ${CHARTS:-} ]]; then
		charts=benchmarks/target/charts
	fi
	echo
	for python in python3 /usr/bin/python3 ''; do
		[[ -n $python ]] && "$python" -c 'import matplotlib' 2>/dev/null && break
	done
	if [[ -z $python ]]; then
		echo "No charts: install python3-matplotlib (Debian: apt-get install python3-matplotlib, or .ci/install-test-tools as root) and run again to draw these tables as SVG charts in $charts/."
		return 0
	fi
	mkdir -p "$charts"
	"$python" scripts/lib/charts.py --out "$charts" --caption "$caption" "$tables"
}
