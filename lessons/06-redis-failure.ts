import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'redis-failure',
  title: 'Redis dies: fail closed',
  summary: 'When Redis is unreachable Laravel answers 500 — by itself. A quiet fallback to local files looks friendlier and is worse.',
  objectives: [
    'See that Laravel fails closed with a 500 when Redis is unreachable, and recovers when it is back.',
    'See why a fallback to file sessions splits sessions and logs people out.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'redis-down',
      title: 'Take Redis down',
      narration: `
All sessions are in Redis now, so Redis is a single point of failure. Stop it.

Every request starts by reading its session, and the connection is refused: phpredis throws
\`RedisException: Connection refused\` (predis a \`ConnectionException\`), and the user gets a
**500**. Laravel has **no fallback** here — it fails closed all by itself. The course suggests
writing a service provider "to ensure the application fails closed": you don't need one, that is
already what happens.

(A Redis that doesn't refuse but silently drops packets is worse: phpredis' default \`timeout\` of
0 means PHP's \`default_socket_timeout\`, 60 s per request — lesson 12 shows it, and the fix: a
timeout of 1–2 s in \`config/database.php\`.)
`,
      ask: { text: 'Take Redis down.', action: 'redis-down' },
      goal: { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'redis-down', forSec: 30 }, label: 'Requests fail with 500' },
      hints: ['Use the **Redis down** action.'],
      solution: { actions: ['60:redis-down'] },
      runSec: 120,
    },
    {
      id: 'redis-back',
      title: 'Bring it back',
      narration: `
Redis is down at 60 s. Bring it back up. Its data is still there (as after a restart with
persistence, or a network outage), so the 500s stop and everybody is **still logged in**: the
outage cost half a minute of errors, and no sessions.

A Redis restarted *without* persistence comes back empty, and then everyone is logged out —
which is why a session Redis deserves RDB/AOF, or a replica and Sentinel.
`,
      events: ['60:redis-down'],
      ask: { text: 'Bring Redis back up.', action: 'redis-up' },
      goal: {
        all: [
          { metric: 'outcomes.server_error', op: '==', value: 0, window: { after: 'redis-up', fromSec: 2, forSec: 30 }, label: 'No more 500s once Redis is back' },
          { metric: 'logouts', op: '==', value: 0, label: 'Nobody was logged out' },
        ],
      },
      hints: ['Use the **Redis up** action after the outage started.'],
      solution: { actions: ['90:redis-up'] },
      runSec: 150,
    },
    {
      id: 'fallback',
      title: 'A "friendly" fallback',
      narration: `
Errors are ugly, so someone writes a fallback: if Redis is unreachable, use the local \`file\`
driver instead. Laravel doesn't ship this; the simulator lets you try it anyway.

During the outage each server now keeps sessions on its own disk — you are back in lesson 2,
with round robin sending people between two disks: **logouts and 419s**. When Redis returns,
the sessions created on the disks during the outage are unknown to Redis: another wave of
logouts.
`,
      events: ['60:redis-down', '90:redis-up'],
      ask: { text: 'Switch the Redis failure mode to fallback-file.', setting: 'onRedisFailure', to: 'fallback-file' },
      goal: {
        all: [
          { metric: 'logouts', op: '>', value: 0, window: { after: 'redis-down', forSec: 30 }, label: 'Users get logged out during the outage' },
          { metric: 'logouts', op: '>', value: 0, window: { after: 'redis-up', forSec: 30 }, label: 'Users get logged out again when Redis is back' },
        ],
      },
      hints: ['Change "on Redis failure" to fallback-file.'],
      solution: { settings: { onRedisFailure: 'fallback-file' } },
      runSec: 150,
    },
    {
      id: 'fail-closed',
      title: 'Fail closed',
      narration: `
Go back to failing closed. An honest 500 for thirty seconds, then everyone carries on exactly
where they were — no split sessions, no lost carts, no CSRF errors on forms. That's why the
course says **fail closed**: the fallback turns a short, visible outage into silent, lasting
damage. Make Redis reliable instead (persistence, a replica with Sentinel) and watch its
\`connected_clients\` and \`evicted_keys\`.
`,
      events: ['60:redis-down', '90:redis-up'],
      ask: { text: 'Switch the Redis failure mode back to fail-closed.', setting: 'onRedisFailure', to: 'fail-closed' },
      goal: { metric: 'logouts', op: '==', value: 0, label: 'Nobody is logged out' },
      hints: ['Change "on Redis failure" back to fail-closed.'],
      quiz: {
        question: 'Why does the course say to fail closed when Redis is unreachable?',
        choices: [
          { text: 'A fallback store splits sessions between Redis and each server, logging people out and losing data', correct: true, explanation: 'Yes: the 500s are brief and honest; the split is silent and outlasts the outage.' },
          { text: 'Because Laravel would fall back to files otherwise', correct: false, explanation: 'Laravel has no fallback: it already fails closed with a 500 on its own.' },
          { text: 'Because 500 errors are cached by browsers', correct: false, explanation: 'They are not; the user reloads and carries on once Redis is back.' },
        ],
      },
      solution: { settings: { onRedisFailure: 'fail-closed' } },
      runSec: 150,
    },
  ],
});
