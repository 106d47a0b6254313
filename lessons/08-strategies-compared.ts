import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'strategies-compared',
  title: 'The strategies compared',
  summary: "The course's File / Redis / Sticky table, measured: the same traffic and the same server crash through each set-up.",
  objectives: [
    'Replace the adjectives of the table with measured logouts, errors and load.',
    'Conclude: Redis sessions make the servers stateless; stickiness is optional on top.',
  ],
  start: { seed: 1, nodes: 2, driver: 'file', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'sticky-file',
      title: 'Sticky sessions with files: "Good"?',
      narration: `
The course ends with a table:

| Strategy | Performance | Complexity | Reliability |
|---|---|---|---|
| File Driver | High (Local I/O) | Low | Fails in Clusters |
| Redis Driver | High (Network) | Medium | Excellent |
| Sticky Sessions | High | High | Good (Redundant) |

Let's measure instead. Every step of this lesson runs the same 30 users for 150 s, and
\`node-2\` **crashes at 60 s**. You start on the first row — \`file\` with round robin — which
indeed "fails in clusters" from the first second.

Switch to sticky sessions. Until the crash they look perfect; then everyone pinned to \`node-2\`
is logged out. With file sessions, stickiness is not redundancy: it's a bet that no server ever
goes away (or gets replaced in a deploy).

To print the whole table from a terminal: \`npm run sim -- --compare seed --users 30 --duration 150 --event 60:crash:node-2\`.
`,
      events: ['60:crash:node-2'],
      ask: { text: 'Switch the balancer to sticky cookie srv_id.', setting: 'balancer', to: 'cookie' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0, window: { forSec: 60 }, label: 'No logouts while both servers are up' },
          { metric: 'logouts', op: '>', value: 0, window: { after: 'crash:node-2', forSec: 60 }, label: 'Logouts when node-2 dies' },
        ],
      },
      hints: ['Choose the cookie balancer; keep the file driver.'],
      solution: { settings: { balancer: 'cookie' } },
      runSec: 150,
    },
    {
      id: 'redis-sticky',
      title: 'Redis behind the sticky cookie',
      narration: `
Now the second row's ingredient: \`SESSION_DRIVER=redis\`, keeping the sticky cookie. The crash
still happens at 60 s; nobody notices. "Excellent" reliability comes from the shared store — as
long as Redis itself is up (lesson 6).
`,
      events: ['60:crash:node-2'],
      ask: { text: 'Switch the session driver to redis.', setting: 'driver', to: 'redis' },
      goal: { metric: 'logouts', op: '==', value: 0, label: 'Nobody is logged out, crash included' },
      hints: ['Change the session driver to redis.'],
      solution: { settings: { driver: 'redis' } },
      runSec: 150,
    },
    {
      id: 'redis-round-robin',
      title: 'Drop the stickiness',
      narration: `
With Redis, is the sticky cookie still "best practice"? Drop it and compare: still nobody logged
out, and the load is spread by **requests** instead of by which users happened to be pinned where
(a sticky cookie keeps a busy user on one server for an hour).

And performance? Each request now does a \`GET\` and a \`SETEX\` over the network — about a
millisecond, against tens of milliseconds of PHP: the p95 response time barely moves.

So the measured table reads: **file** fails as soon as there are two servers; **sticky + file**
works until a server goes away; **Redis** works with or without stickiness, and its own
availability becomes the thing to watch.
`,
      events: ['60:crash:node-2'],
      ask: { text: 'Switch the balancer back to round robin.', setting: 'balancer', to: 'round-robin' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0 },
          // Round robin alternates requests: within one request of 50/50. Pinned users are never that even.
          { metric: 'busiestNodeShare', op: '<=', value: 0.505, window: { forSec: 60 }, label: "Busiest server's share before the crash" },
        ],
      },
      hints: ['Choose the round-robin balancer; keep the redis driver.'],
      quiz: {
        question: 'Which line of the course\'s table does the simulation contradict most?',
        choices: [
          { text: 'Sticky Sessions — "Good (Redundant)": with file sessions they are not redundant at all', correct: true, explanation: 'Right: a crash or a redeploy logs out everyone pinned to that server. With Redis they are optional.' },
          { text: 'File Driver — "Fails in Clusters"', correct: false, explanation: 'That one is true: lesson 2 showed it from the first seconds.' },
          { text: 'Redis Driver — "High (Network)" performance', correct: false, explanation: 'Fair enough: a round trip to Redis costs about a millisecond per request.' },
        ],
      },
      solution: { settings: { balancer: 'round-robin' } },
      runSec: 150,
    },
  ],
});
