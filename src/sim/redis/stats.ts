/** One `cmdstat_<name>` line of INFO commandstats. */
export class CommandStat {
  /** Executed (failed ones included), as Redis counts `calls`. */
  calls = 0;
  /** Refused before running (wrong arity, OOM): Redis's `rejected_calls`; not in total_commands_processed. */
  rejected = 0;
  /** Ran and answered with an error (e.g. `invalid expire time`): Redis's `failed_calls`. */
  failed = 0;
  /**
   * Keyspace hits this command made (its share of INFO's `keyspace_hits`): a TTL that found its
   * key counts, a TTL answered -2 does not. Not in INFO; lesson goals read it.
   */
  hits = 0;
  constructor(readonly name: string) {}
}

/** The server-wide counters INFO stats reports, plus per-command stats. */
export class ServerStats {
  totalCommands = 0;
  errorReplies = 0;
  expiredKeys = 0;
  evictedKeys = 0;
  hits = 0;
  misses = 0;
  connectionsReceived = 0;
  /** The command being executed, so a key lookup can credit its hit to it (set before each run). */
  current: CommandStat | null = null;
  private readonly byName = new Map<string, CommandStat>();

  /** The stat object for a lower-case full command name (`get`, `config|get`), created on first use. */
  stat(name: string): CommandStat {
    let s = this.byName.get(name);
    if (s === undefined) {
      s = new CommandStat(name);
      this.byName.set(name, s);
    }
    return s;
  }

  /** Calls per command name (executed only), for snapshots and tests. */
  callsByName(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.sorted()) if (s.calls > 0) out[s.name] = s.calls;
    return out;
  }

  /** Keyspace hits per command name (commands with at least one), for lesson goals. */
  hitsByName(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.sorted()) if (s.hits > 0) out[s.name] = s.hits;
    return out;
  }

  /** A key lookup found its key: INFO's keyspace_hits, and the running command's share. */
  hit(): void {
    this.hits++;
    if (this.current !== null) this.current.hits++;
  }

  /** Commands that were called or rejected at least once, by name (INFO omits the rest, like Redis). */
  sorted(): CommandStat[] {
    return [...this.byName.values()].filter((s) => s.calls + s.rejected > 0).sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
