# Shared by the scripts that compare two builds of the sample daemon at start-up through
# StartupCost (the driver of bench.sh's start-up table): builds the daemon and the driver, and
# gives $WORK (removed on exit) and compare_on_both_jdks. PAIRS (default 20) sets the number of
# pairs; FFM_JAVA (a JDK 22+) and JNR_JAVA (a JDK 17-21) choose the JDKs.
source "$(dirname "${BASH_SOURCE[0]}")/find-java.sh"
FFM_JAVA=${FFM_JAVA:-$(find_java 22 999)}
JNR_JAVA=${JNR_JAVA:-$(find_java 17 21)}
PAIRS=${PAIRS:-20}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "Building"
mvn -B -q -DskipTests package -pl sample-daemon,benchmarks -am

# Runs StartupCost with the given arguments (its jars, and flags before them) on both JDKs.
compare_on_both_jdks() {
	local java
	for java in "$FFM_JAVA" "$JNR_JAVA"; do
		echo
		"$java" -version 2>&1 | head -1
		"$FFM_JAVA" --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
			io.github.fifoliveness.benchmarks.StartupCost "$@" "$PAIRS" "$java"
	done
}
