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
*refused* — a refusal would be a quick 500 — so every Redis call on \`node-2\` just **hangs**
(with the client's default timeout of 0 it can wait a very long time).

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
dropped. Every request on every server hangs. For a minute nothing comes back at all; then nginx's
timeouts fire: **504** for the POSTs, and each timeout marks that server failed for 10 s. With
both servers marked failed, nginx has nowhere to send a request and answers at once with
**502 Bad Gateway** ("no live upstreams").

Compare lesson 6: a Redis that *refuses* connections gives an immediate, honest 500. A Redis
that swallows packets costs a minute per request and takes the web tier down with it. That is
why the Redis connection deserves its own, short timeouts (phpredis \`timeout\` and
\`read_timeout\`): fail fast instead of hanging.
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
  ],
});
