package dev.latchkey.domain.testing;

import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryMembershipStore implements MembershipStore {
    private final Map<String, Membership> byKey = new ConcurrentHashMap<>();

    private static String key(String workspaceId, String userId) {
        return workspaceId + "\u0000" + userId;
    }

    @Override
    public boolean insert(Membership membership) {
        return byKey.putIfAbsent(key(membership.workspaceId(), membership.userId()), membership) == null;
    }

    @Override
    public Optional<Membership> find(String workspaceId, String userId) {
        return Optional.ofNullable(byKey.get(key(workspaceId, userId)));
    }

    @Override
    public List<Membership> listActiveByUser(String userId) {
        return byKey.values().stream()
                .filter(m -> m.userId().equals(userId) && m.isActive())
                .sorted(Comparator.comparing(Membership::createdAt).thenComparing(Membership::workspaceId))
                .collect(Collectors.toList());
    }

    @Override
    public List<Membership> listActiveByWorkspace(String workspaceId) {
        return byKey.values().stream()
                .filter(m -> m.workspaceId().equals(workspaceId) && m.isActive())
                .sorted(Comparator.comparing(Membership::createdAt).thenComparing(Membership::userId))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized boolean updateRole(String workspaceId, String userId, Role role) {
        Membership m = byKey.get(key(workspaceId, userId));
        if (m == null || !m.isActive()) {
            return false;
        }
        byKey.put(
                key(workspaceId, userId),
                new Membership(m.workspaceId(), m.userId(), role, m.createdAt(), m.removedAt()));
        return true;
    }

    @Override
    public synchronized boolean markRemoved(String workspaceId, String userId, Instant at) {
        Membership m = byKey.get(key(workspaceId, userId));
        if (m == null || !m.isActive()) {
            return false;
        }
        byKey.put(
                key(workspaceId, userId),
                new Membership(m.workspaceId(), m.userId(), m.role(), m.createdAt(), Optional.of(at)));
        return true;
    }

    @Override
    public synchronized void removeAllIn(String workspaceId, Instant at) {
        byKey.replaceAll((key, m) -> m.workspaceId().equals(workspaceId) && m.isActive()
                ? new Membership(m.workspaceId(), m.userId(), m.role(), m.createdAt(), Optional.of(at))
                : m);
    }

    @Override
    public synchronized boolean rejoin(String workspaceId, String userId, Role role, Instant at) {
        Membership m = byKey.get(key(workspaceId, userId));
        if (m == null || m.isActive()) {
            return false;
        }
        byKey.put(key(workspaceId, userId), new Membership(workspaceId, userId, role, m.createdAt(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized Change changeRoleKeepingAnOwner(String workspaceId, String userId, Role role) {
        return keepingAnOwner(workspaceId, userId, role != Role.OWNER, () -> updateRole(workspaceId, userId, role));
    }

    @Override
    public synchronized Change removeKeepingAnOwner(String workspaceId, String userId, Instant at) {
        return keepingAnOwner(workspaceId, userId, true, () -> markRemoved(workspaceId, userId, at));
    }

    private Change keepingAnOwner(
            String workspaceId, String userId, boolean losesOwner, java.util.function.BooleanSupplier change) {
        Membership m = byKey.get(key(workspaceId, userId));
        if (m == null || !m.isActive()) {
            return Change.NO_SUCH_MEMBER;
        }
        boolean anotherOwner = byKey.values().stream()
                .anyMatch(o -> o.workspaceId().equals(workspaceId)
                        && o.isActive()
                        && o.role() == Role.OWNER
                        && !o.userId().equals(userId));
        if (m.role() == Role.OWNER && losesOwner && !anotherOwner) {
            return Change.LAST_OWNER;
        }
        change.getAsBoolean();
        return Change.CHANGED;
    }
}
