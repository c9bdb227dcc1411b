# Sourced by the measurement scripts.
# The java executable of the first JDK whose feature version is within [min, max].
find_java() {
	local min=$1 max=$2 home feature
	for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
		[[ -x $home/bin/java ]] || continue
		feature=$("$home/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
		if [[ $feature =~ ^[0-9]+$ ]] && ((feature >= min && feature <= max)); then
			echo "$home/bin/java"
			return 0
		fi
	done
	echo "No JDK $min to $max found in \$JAVA_HOME or /usr/lib/jvm" >&2
	return 1
}
