import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'network-trouble',
  title: 'When the network to Redis misbehaves',
  summary: 'A server cut off from Redis, a slow Redis, a Redis that swallows packets: hung requests, nginx\'s 60 s timeout, 504 and 502.',
  objectives: [
    'Explain why a server that cannot reach Redis produces 504s after 60 s, and why GETs are retried elsewhere.',
    'See that a slow Redis slows every request.',
    'See a black-holed Redis take the whole site down through nginx\'s timeouts.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 40 },
  steps: [
    {
      id: 'partition',
      title: 'One server cut off from Redis',
      narration: `
A firewall rule, a bad route: \`node-2\`'s packets to Redis are silently dropped. Nothing is
*refused* — a refusal would be a quick 500 — so every Redis call on \`node-2\` just **hangs**:
phpredis' default \`timeout\` of 0 means PHP's \`default_socket_timeout\`, **60 s** (more on that in
the black-hole step).

nginx waits for \`node-2\` for \`proxy_read_timeout\`, **60 s** by default, then gives up. What
happens next depends on the method. \`proxy_next_upstream error timeout\` (the default) retries
a timed-out **GET** on the next server, so the user gets the page from \`node-1\` — a minute late.
A **POST** is not retried once it was sent (it might have done something): the user gets
**504 Gateway Timeout**. The timeout also counts as a failure (\`max_fails=1 fail_timeout=10s\`),
so nginx rests \`node-2\` for 10 s, then tries it again.
`,
      ask: { text: 'Cut node-2 off from Redis (partition).', action: 'partition', node: 'node-2' },
      goal: {
        all: [
          { metric: 'outcomes.gateway_timeout', op: '>', value: 0, window: { after: 'partition:node-2', forSec: 90 }, label: 'POSTs end in 504 after 60 s' },
          { metric: 'latencyMs.p99', op: '>', value: 60_000, label: 'Some requests take more than a minute (the 99th percentile, ms)' },
        ],
      },
      hints: ['Open the **Failure lab** and press “Partition” next to node-2 (or use node-2\'s menu on the stage).', 'Wait a minute: nothing shows before nginx\'s 60 s timeout.'],
      quiz: {
        question: 'Why does a GET that hung on node-2 still reach the user, a minute late?',
        choices: [
          { text: 'nginx retries it on node-1 after proxy_read_timeout (proxy_next_upstream timeout)', correct: true, explanation: 'Yes. A GET is assumed safe to repeat; a POST is not retried once sent.' },
          { text: 'node-2 answers it from a local copy of the session', correct: false, explanation: 'node-2 cannot read the session at all: its Redis call hangs.' },
          { text: 'The browser retries it', correct: false, explanation: 'The browser waits; nginx does the retry.' },
        ],
      },
      solution: { actions: ['30:partition:node-2'] },
      runSec: 150,
    },
    {
      id: 'slow-redis',
      title: 'A slow Redis',
      narration: `
Every request reads its session from Redis at the start and writes it at the end, so Redis sits
on the path of **every** request, twice. Make each Redis command 200 ms slower — a saturated
network, a Redis busy with a \`KEYS *\` — and every page gets at least 400 ms slower, on every
server at once.
`,
      ask: { text: 'Make Redis 200 ms slower per command.', action: 'redis-latency', ms: 200 },
      goal: { metric: 'latencyMs.p95', op: '>', value: 300, label: 'The 95th percentile response time (ms)' },
      hints: ['In the **Failure lab**, press “Slow Redis (+200 ms)”.'],
      solution: { actions: ['30:redis-latency:200'] },
      runSec: 120,
    },
    {
      id: 'black-hole',
      title: 'Redis becomes a black hole',
      narration: `
Now Redis stops answering **everyone**, without refusing: every server's packets to it are
dropped. Every request on every server hangs. How long? phpredis' \`timeout\` and \`read_timeout\`
(\`config/database.php\`) default to 0, which means PHP's \`default_socket_timeout\`: **60 s** —
exactly nginx's \`proxy_read_timeout\`. The two race: on a real server some requests end in
PHP's \`RedisException\` (a 500, which does not count against \`max_fails\`), some in nginx's
**504**. The simulator lets nginx win the tie: after a minute, **504** for the POSTs, and each
timeout marks that server failed for 10 s; with both marked failed, nginx answers at once with
**502 Bad Gateway** ("no live upstreams") — on a real cluster, the 500s that win the race can keep
a server "alive" in nginx's eyes.

Compare lesson 6: a Redis that *refuses* connections gives an immediate, honest 500. A Redis
that swallows packets costs a minute per request and takes the web tier down with it. That is
why the Redis connection deserves its own, short timeouts: next step.
`,
      ask: { text: 'Black-hole Redis.', action: 'redis-blackhole' },
      goal: {
        all: [
          { metric: 'outcomes.gateway_timeout', op: '>', value: 0, window: { after: 'redis-blackhole', forSec: 90 }, label: '504 Gateway Timeout after 60 s' },
          { metric: 'outcomes.bad_gateway', op: '>', value: 0, window: { after: 'redis-blackhole', forSec: 90 }, label: 'Then 502 at once: no live upstreams' },
        ],
      },
      hints: ['In the **Failure lab**, press “Black-hole Redis”, then wait a minute.'],
      solution: { actions: ['30:redis-blackhole'] },
      runSec: 150,
    },
    {
      id: 'short-timeout',
      title: 'Fail fast: a 2-second Redis timeout',
      narration: `
Give the connection a timeout of its own, in \`config/database.php\`:

\`\`\`php
'default' => [
    // …host, port, database…
    'timeout' => 2,        // connect
    'read_timeout' => 2,   // each reply
],
\`\`\`

(The 12.x skeleton also has \`persistent\`, \`max_retries\` and a backoff there; predis' own
connect timeout is 5 s by default.) Black-hole Redis again, at 30 s: each request now fails after
2 s with a **500** — an honest error page instead of a minute-long hang, no 504s, and PHP workers
free again after 2 s instead of 60.
`,
      events: ['30:redis-blackhole'],
      ask: { text: 'Set the Redis timeout to 2 seconds.', setting: 'redisTimeoutSec', to: 2 },
      goal: {
        all: [
          { metric: 'outcomes.gateway_timeout', op: '==', value: 0, window: { after: 'redis-blackhole', forSec: 90 }, label: 'No 504s' },
          { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'redis-blackhole', forSec: 90 }, label: 'Fast 500s instead' },
        ],
      },
      hints: ['In the **Failure lab**, set “Redis timeout” to 2 s.'],
      quiz: {
        question: 'What does phpredis\' default timeout of 0 mean?',
        choices: [
          { text: 'No timeout of its own: PHP\'s default_socket_timeout applies, 60 s', correct: true, explanation: 'Yes — as long as nginx\'s proxy_read_timeout, so the two race.' },
          { text: 'Fail immediately', correct: false, explanation: 'Then every call would fail; 0 means "not set".' },
          { text: 'Wait forever', correct: false, explanation: 'Close, but PHP\'s stream default (60 s) still applies.' },
        ],
      },
      solution: { settings: { redisTimeoutSec: 2 } },
      runSec: 150,
    },
  ],
});
