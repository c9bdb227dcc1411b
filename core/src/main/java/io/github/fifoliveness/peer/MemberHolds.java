package io.github.fifoliveness.peer;

/**
 * How a {@link WatchedPeerFolder} probes its members: holding the write end of a live one
 * in the event set where it can, within the budget of descriptors, else probing it and
 * closing at once.
 */
interface MemberHolds {

	/**
	 * Return a key for a new member, unique among the members of every folder.
	 * @return the key
	 */
	int newKey();

	/**
	 * Probe a member, releasing what was held for it first, and hold its write end if it
	 * is alive and can be held.
	 * @param member the member
	 * @return the result
	 */
	ProbeResult probe(PeerFolderMember member);

	/**
	 * Release what is held for a member, if anything.
	 * @param member the member
	 */
	void release(PeerFolderMember member);

}
