"""The largest number of mentees with a covering mentor: augmenting paths over the tags.

An assignment (each mentee at most one mentor, each mentor at most its capacity) has the largest
possible size exactly when no augmenting path exists (Berge): no chain «unassigned mentee → a covering
mentor → one of that mentor's mentees → another covering mentor → … → a mentor with a free place».

The search never lists the covering pairs themselves (at regional size they are hundreds of millions):
a mentee reaches mentors through its request tags, and each tag's list of mentors is walked once per
search, mentors already reached being dropped from it. A search that fails marks everything it reached
as dead until the next augmentation (a failed root can never succeed later either), so all failures
between two augmentations cost one pass over the tag lists together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class Augmenter:
    def __init__(self, mentee_tags: list[tuple[int, ...]], mentor_tags: list[tuple[int, ...]],
                 capacity: list[int], forbidden: set[tuple[int, int]]):
        self.mentee_tags = mentee_tags
        self.capacity = capacity
        pools: dict[int, list[int]] = defaultdict(list)
        for j, tags in enumerate(mentor_tags):
            if capacity[j] > 0:
                for t in tags:
                    pools[t].append(j)
        self.base = dict(pools)
        self.banned: dict[int, set[int]] = defaultdict(set)
        for i, j in forbidden:
            self.banned[i].add(j)
        self.generation = 1
        self.mentee_mark = [0] * len(mentee_tags)
        self.mentor_mark = [0] * len(mentor_tags)
        self.pools: dict[int, tuple[int, list[int]]] = {}

    def run(self, assignment: list[int], roots: Iterable[int]) -> list[tuple[int, int]]:
        """Augment `assignment` (mentee -> mentor or -1) in place until no root can be given a mentor;
        returns the pairs the augmenting paths used."""
        members: list[list[int]] = [[] for _ in self.capacity]
        for i, j in enumerate(assignment):
            if j >= 0:
                members[j].append(i)
        used: list[tuple[int, int]] = []
        self.generation += 1
        for root in roots:
            if assignment[root] >= 0 or self.mentee_mark[root] == self.generation:
                continue
            path = self._search(root, members)
            if path:
                for i, j in path:
                    old = assignment[i]
                    if old >= 0:
                        members[old].remove(i)
                    assignment[i] = j
                    members[j].append(i)
                used.extend(path)
                self.generation += 1
        return used

    def has_path(self, assignment: list[int], root: int) -> bool:
        """Whether an augmenting path starts at this unassigned mentee (for tests and checks)."""
        members: list[list[int]] = [[] for _ in self.capacity]
        for i, j in enumerate(assignment):
            if j >= 0:
                members[j].append(i)
        self.generation += 1
        return self._search(root, members) is not None

    def _pool(self, tag: int) -> list[int]:
        found = self.pools.get(tag)
        if found is not None and found[0] == self.generation:
            return found[1]
        return list(self.base.get(tag, ()))

    def _search(self, root: int, members: list[list[int]]) -> list[tuple[int, int]] | None:
        generation = self.generation
        mentee_mark, mentor_mark = self.mentee_mark, self.mentor_mark
        mentee_mark[root] = generation
        parent: dict[int, int] = {}  # mentor -> the mentee it was reached from
        via: dict[int, int] = {}  # mentee -> its current mentor, through which it was reached
        queue = [root]
        head = 0
        while head < len(queue):
            i = queue[head]
            head += 1
            banned = self.banned.get(i)
            for t in self.mentee_tags[i]:
                pool = self._pool(t)
                keep: list[int] = []
                for j in pool:
                    if mentor_mark[j] == generation:
                        continue
                    if banned and j in banned:
                        keep.append(j)
                        continue
                    mentor_mark[j] = generation
                    parent[j] = i
                    if len(members[j]) < self.capacity[j]:
                        return _path(j, root, parent, via)
                    for other in members[j]:
                        if mentee_mark[other] != generation:
                            mentee_mark[other] = generation
                            via[other] = j
                            queue.append(other)
                self.pools[t] = (generation, keep)
        return None


def _path(free: int, root: int, parent: dict[int, int], via: dict[int, int]) -> list[tuple[int, int]]:
    """The moves of an augmenting path ending at a mentor with a free place, that end first."""
    moves = []
    j = free
    while True:
        i = parent[j]
        moves.append((i, j))
        if i == root:
            return moves
        j = via[i]
