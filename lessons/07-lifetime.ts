import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'lifetime',
  title: 'Lifetime and TTL',
  summary: 'SESSION_LIFETIME becomes the key\'s TTL in Redis; every request slides it; an idle session expires by itself.',
  objectives: [
    'Relate SESSION_LIFETIME (minutes) to the TTL Redis shows (seconds).',
    'See sliding expiry: active users stay, idle ones expire.',
    'See what SESSION_EXPIRE_ON_CLOSE changes: the cookie, not the key in Redis.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 60 },
  steps: [
    {
      id: 'shorter-lifetime',
      title: 'SESSION_LIFETIME is the TTL',
      narration: `
\`SESSION_LIFETIME\` is in **minutes** (120 by default). The redis driver stores each session
with \`SETEX <key> <lifetime × 60> …\`, so the default is a TTL of 7200 seconds. \`INFO keyspace\`
shows the average remaining TTL of the keys (\`avg_ttl\`, in milliseconds — on a real Redis an
estimate from the keys its expiry cycle happens to sample, so it moves in jumps).

Set the lifetime to 30 minutes and watch the average TTL drop under 1800 s.
`,
      ask: { text: 'Set SESSION_LIFETIME to 30 (minutes).', setting: 'lifetimeMin', to: 30 },
      goal: { metric: 'redis.avgTtlSec', op: '<=', value: 1800, label: 'Average TTL of the session keys (s)' },
      hints: ['Change the session lifetime to 30 minutes.'],
      solution: { settings: { lifetimeMin: 30 } },
      runSec: 120,
    },
    {
      id: 'one-minute',
      title: 'Idle for a minute, logged out',
      narration: `
The expiry **slides**: every request rewrites the session with a fresh TTL, so someone who keeps
clicking never expires. Someone who stops — reads a long page, takes a coffee break — expires
when the TTL runs out, and Redis deletes the key by itself (\`expired_keys\` in \`INFO stats\`).
Their next click arrives with an id Redis no longer has: logged out.

Set the lifetime to 1 minute to see it happen within the run. (With the \`file\` driver the same
rule applies differently: a read ignores a file older than the lifetime, and a 2-in-100 lottery
deletes old files.)
`,
      ask: { text: 'Set SESSION_LIFETIME to 1 (minute).', setting: 'lifetimeMin', to: 1 },
      goal: {
        all: [
          { metric: 'redis.expiredKeys', op: '>', value: 0, label: 'Session keys expire in Redis' },
          { metric: 'logouts', op: '>', value: 0, label: 'Idle users come back logged out' },
        ],
      },
      hints: ['Change the session lifetime to 1 minute and let it run a few minutes.'],
      quiz: {
        question: 'A user clicks every 20 seconds for an hour with SESSION_LIFETIME=1. What happens?',
        choices: [
          { text: 'They stay logged in: each request resets the TTL to 60 s', correct: true, explanation: 'Yes — the lifetime is an idle timeout, not a maximum session length.' },
          { text: 'They are logged out after one minute', correct: false, explanation: 'Only if no request arrives for a whole minute: every request slides the expiry.' },
          { text: 'They are logged out after an hour', correct: false, explanation: 'There is no absolute limit in Laravel\'s session lifetime.' },
        ],
      },
      solution: { settings: { lifetimeMin: 1 } },
      runSec: 300,
    },
    {
      id: 'two-hours',
      title: 'Back to two hours',
      narration: `
One minute is far too short for people who read. Put the default back: 120 minutes of
*inactivity* before a session expires. Nobody in this run is idle that long, so nothing expires
and nobody is logged out.
`,
      ask: { text: 'Set SESSION_LIFETIME back to 120.', setting: 'lifetimeMin', to: 120 },
      goal: {
        all: [
          { metric: 'redis.expiredKeys', op: '==', value: 0, label: 'No session key expires' },
          { metric: 'logouts', op: '==', value: 0 },
        ],
      },
      hints: ['Change the session lifetime to 120 minutes.'],
      solution: { settings: { lifetimeMin: 120 } },
      runSec: 300,
    },
    {
      id: 'expire-on-close',
      title: 'Expire on close',
      narration: `
\`SESSION_EXPIRE_ON_CLOSE=true\` (\`expire_on_close\` in \`config/session.php\`, false by default)
makes \`laravel_session\` a *browser-session* cookie, without an expiry date. Close the browser
and the cookie is gone: come back, and you are a guest. (Not everywhere: a browser set to
restore the previous session — Chrome's and Firefox's "continue where you left off", most phones
— restores session cookies too, so on those "close" logs nobody out. Don't rely on it for
security; the simulated browsers really forget.)

Only the cookie goes. The session itself is still in Redis with its 7200-second TTL — nobody
will ever ask for it again, and it waits there until it expires. So Redis holds **more** session
keys than there are users.
`,
      ask: { text: 'Set SESSION_EXPIRE_ON_CLOSE to true.', setting: 'expireOnClose', to: true },
      goal: {
        all: [
          { metric: 'logouts', op: '>', value: 0, label: 'Users who closed their browser come back logged out' },
          { metric: 'redis.keys', op: '>', value: 60, label: 'Session keys in Redis, for 60 users' },
        ],
      },
      hints: ['Tick expire_on_close in the **Failure lab**, or set SESSION_EXPIRE_ON_CLOSE=true in the .env editor.'],
      solution: { settings: { expireOnClose: true } },
      runSec: 300,
    },
  ],
});
