import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'cache-clear',
  title: 'php artisan cache:clear and SESSION_CONNECTION',
  summary: 'cache:clear runs FLUSHDB on the cache\'s Redis database. Sessions in database 0 survive it; sessions on the cache connection are all gone at once.',
  objectives: [
    'Know which Redis database the sessions and the cache use by default (0 and 1).',
    'See cache:clear log everyone out when SESSION_CONNECTION=cache.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 40, cacheLoad: 'light' },
  steps: [
    {
      id: 'clear-the-cache',
      title: 'Clear the cache',
      narration: `
Lesson 9 showed that a database number does not isolate \`maxmemory\`: it is one server. What a
database number *does* separate is \`FLUSHDB\`.

In the 11/12 skeleton, \`config/database.php\` has two Redis connections: \`default\` (\`REDIS_DB\`,
0) and \`cache\` (\`REDIS_CACHE_DB\`, 1). The redis session driver uses \`SESSION_CONNECTION\` —
unset, so \`default\`, database 0 — and the cache store (with \`CACHE_STORE=redis\`) uses \`cache\`,
database 1. A deploy script runs \`php artisan cache:clear\`: \`RedisStore::flush()\` is
**\`FLUSHDB\` on the cache connection**. Run it (the Failure lab's button, or
\`php artisan cache:clear\` in a node's shell): the cached fragments go, the sessions stay.
`,
      ask: { text: 'Run php artisan cache:clear.', action: 'cache-clear' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0, window: { after: 'cache-clear', forSec: 30 }, label: 'Nobody is logged out by cache:clear' },
          { metric: 'outcomes.ok', op: '>', value: 0, window: { after: 'cache-clear', forSec: 30 }, label: 'Requests go on' },
        ],
      },
      hints: ['Press “cache:clear” in the **Failure lab**, or type `php artisan cache:clear` in a node shell.'],
      solution: { actions: ['30:cache-clear'] },
      runSec: 90,
    },
    {
      id: 'sessions-on-the-cache-connection',
      title: 'Sessions on the cache connection',
      narration: `
Someone "tidies up" the \`.env\` with \`SESSION_CONNECTION=cache\` — same server, same prefix, what
could change? Now the sessions live in database 1, next to the cache. The next deploy runs
\`cache:clear\` (at 30 s here): \`FLUSHDB\` takes every session with it, and **everyone is logged
out at once**.

Keep sessions off the connection your cache is flushed on — on \`default\`, or better on a
connection (and a server, lesson 9) of their own.
`,
      events: ['30:cache-clear'],
      ask: { text: 'Set SESSION_CONNECTION to cache.', setting: 'sessionConnection', to: 'cache' },
      goal: { metric: 'logouts', op: '>', value: 5, window: { after: 'cache-clear', forSec: 30 }, label: 'Everyone logged in is logged out right after cache:clear' },
      hints: ['In the **Failure lab**, set SESSION_CONNECTION to cache (DB 1).'],
      quiz: {
        question: 'Why did cache:clear log everyone out only in the second run?',
        choices: [
          { text: 'It runs FLUSHDB on the cache connection\'s database, and SESSION_CONNECTION=cache put the sessions there', correct: true, explanation: 'Yes: database 1 held both. With the default connection the sessions were in database 0 and survived.' },
          { text: 'cache:clear deletes every key whose name contains "cache"', correct: false, explanation: 'It does not match names: it flushes a whole database (the keys of both runs have the same names).' },
          { text: 'Redis evicted the sessions', correct: false, explanation: 'There is no maxmemory here: nothing is evicted. The flush removed them.' },
        ],
      },
      solution: { settings: { sessionConnection: 'cache' } },
      runSec: 90,
    },
  ],
});
