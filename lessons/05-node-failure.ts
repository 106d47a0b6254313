import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'node-failure',
  title: 'A server dies',
  summary: 'Sticky sessions with the file driver lose everyone pinned to a dead server; with Redis behind them, nobody notices.',
  objectives: [
    'See what happens to users pinned to a server that crashes, with file sessions.',
    'See the same crash with Redis sessions: the failover is transparent.',
  ],
  start: { seed: 1, nodes: 2, driver: 'file', balancer: 'cookie', users: 30 },
  steps: [
    {
      id: 'crash-a-node',
      title: 'Crash the server they are pinned to',
      narration: `
Sticky cookies with the \`file\` driver work — as long as every server stays up. Each user is
pinned to the server that holds their session file.

Crash \`node-2\`. nginx notices the refused connection and, since the server named by the
\`srv_id\` cookie has failed, re-binds those users to \`node-1\` "as if they were new". nginx does
its part well. But \`node-1\` has never seen their sessions: everyone who was on \`node-2\` is
**logged out** (and a form they had open fails with 419).
`,
      ask: { text: 'Crash node-2.', action: 'crash', node: 'node-2' },
      goal: { metric: 'logouts', op: '>', value: 0, window: { after: 'crash:node-2', forSec: 60 }, label: 'Users of node-2 get logged out' },
      hints: ["Use node-2's **Crash** action and watch the minute after it."],
      solution: { actions: ['60:crash:node-2'] },
      runSec: 150,
    },
    {
      id: 'redis-behind-sticky',
      title: 'The same crash with Redis',
      narration: `
Now the crash is part of the script (at 60 s), and you change the one thing that matters: the
session driver. With \`SESSION_DRIVER=redis\`, stickiness is only a routing preference. When
\`node-2\` dies, nginx moves its users to \`node-1\`, which reads their sessions from Redis —
the course's promise, "transparently shift the user to node2", now holds.

A request that was *inside* \`node-2\` when it died is another story: nginx retries a failed
\`GET\` on the next server, but not a \`POST\` it has already sent (that one gets a 502).
`,
      events: ['60:crash:node-2'],
      ask: { text: 'Switch the session driver to redis (keep the sticky cookie).', setting: 'driver', to: 'redis' },
      goal: { metric: 'logouts', op: '==', value: 0, window: { after: 'crash:node-2', forSec: 60 }, label: 'Nobody is logged out after the crash' },
      hints: ['Change the session driver to redis. node-2 will still crash at 60 s.'],
      quiz: {
        question: 'With Redis sessions behind a sticky cookie, what does the cookie still buy you?',
        choices: [
          { text: 'Nothing you need for correctness; it only keeps a user on one server', correct: true, explanation: 'Right. Any server can serve any user; stickiness is now optional (some use it for warm caches).' },
          { text: 'It is what keeps users logged in', correct: false, explanation: 'Redis does that: in lesson 3 plain round robin kept everyone logged in.' },
          { text: 'It protects against Redis going down', correct: false, explanation: 'No — if Redis is down every server fails, pinned or not (next lesson).' },
        ],
      },
      solution: { settings: { driver: 'redis' } },
      runSec: 150,
    },
  ],
});
