/**
 * The lesson player's state: which lesson and step is open, the goal's live verdict, hints,
 * quiz, the solution, progress in localStorage and the `?lesson=&step=` link. It drives the
 * page only through its {@link LessonHost} (load settings, trigger a fault) and reads the
 * running simulation once per animation frame; views get plain values a few times a second.
 */
import { runRedisCli } from '../../console/redisCli';
import { actionRef } from '../../lessons/actions';
import { GoalEvaluator, type GoalStatus } from '../../lessons/evaluator';
import { formatLessonLink, missingStepNotice, parseLessonLink } from '../../lessons/link';
import type { LoadedLessons } from '../../lessons/loader';
import { fillKeys } from '../../lessons/runner';
import { askSettingDone, buildSettings, stepScenario } from '../../lessons/scenario';
import type { Lesson, Step } from '../../lessons/types';
import type { Simulation } from '../../sim/simulation';
import type { FaultAction, ScheduledFault, SimSettings } from '../../sim/types';
import type { LessonHost } from './host';
import { emptyProgress, loadProgress, markMet, resumeStep, saveProgress, visit, type Progress } from './progress';
import { actionWords } from './words';

/** The page's address bar, as the player uses it. */
export interface Nav {
  search(): string;
  /** Show this lesson link (`?lesson=…&step=…`, `?sandbox`, or '' for none) in the address bar. */
  replace(link: string): void;
}

export type PlayerMode = 'list' | 'lesson' | 'sandbox';

/** Real ms between published snapshots (the evaluator itself runs every frame). */
const PUBLISH_MS = 200;
/** The runner's simulations run until the tab closes; the step's horizon is the goal's `runSec`. */
const OPEN_ENDED_SEC = 24 * 3600;
/** Give up waiting for a requested restart after this long (real ms) and evaluate what runs. */
const LOAD_WAIT_MS = 3000;
/**
 * Fast-forward's speed: far above the controls' 60×. The runner still does at most its frame
 * budget of simulation per animation frame, so the page keeps drawing while the run catches up.
 */
export const FAST_FORWARD_SPEED = 1000;
/** Where a reload finds the moment the student left (sessionStorage: this tab only). */
export const MOMENT_KEY = 'session-cluster-lab:lesson-moment';

/** A scripted fault still ahead on the step's timeline: "Redis goes down in 12 s". */
export interface Upcoming {
  atSec: number;
  action: FaultAction;
}

export class LessonPlayer {
  readonly lessons: Lesson[];
  readonly loadErrors: string[];
  mode = $state<PlayerMode>('list');
  lesson = $state.raw<Lesson | null>(null);
  stepIndex = $state(0);
  /** The goal's verdict on the running simulation (null until it runs). */
  status = $state.raw<GoalStatus | null>(null);
  /** Virtual seconds since the step's cluster started. */
  elapsedSec = $state(0);
  /** Whether the student did what the step asks (null: nothing to do, or not measurable). */
  askDone = $state<boolean | null>(null);
  hintsShown = $state(0);
  solutionShown = $state(false);
  quizPick = $state<number | null>(null);
  progress = $state.raw<Progress>(emptyProgress());
  /** A message for the student (a bad link, settings the page cannot apply yet). */
  notice = $state('');
  /** Console lines the player typed itself (when the page's console is not reachable). */
  consoleLog = $state.raw<{ line: string; output: string }[]>([]);
  /** Running at top speed until the step's verdict is in (see {@link fastForward}). */
  fastForwarding = $state(false);
  /** The speed to go back to when fast-forward ends. */
  private speedBefore: number | null = null;
  /** Virtual ms where fast-forward stops early: a scripted fault the student must react to. */
  private ffUntilMs: number | null = null;

  private evaluator: GoalEvaluator | null = null;
  private sim: Simulation | null = null;
  private actions: string[] = [];
  /**
   * Faults applied to a simulation the player has not attached to yet (a quick click right
   * after a step change): replayed into the step's evaluator when it attaches.
   */
  private early: Array<{ sim: Simulation; action: FaultAction; atMs: number }> = [];
  private loadStepPending = false;
  private waitingFor: { old: Simulation | null; since: number } | null = null;
  private lastPublish = -Infinity;
  private unsubscribe: Array<() => void> = [];
  /** A run to reopen instead of starting the step afresh (a reload in the middle of a step). */
  private resumePayload: string | null = null;
  /** Callers of {@link whenStepRunning}, resolved once the step's simulation is watched. */
  private runningWaiters: Array<() => void> = [];
  /** The step shows a run reopened by a reload (where the student left it), not its fresh start. */
  resumedMoment = false;

  constructor(
    private readonly host: LessonHost,
    loaded: LoadedLessons,
    private readonly storage: Storage | null,
    private readonly nav: Nav,
    /** Where {@link saveMoment} keeps the moment for a reload (sessionStorage; null: never). */
    private readonly moments: Storage | null = null,
  ) {
    this.lessons = loaded.lessons;
    this.loadErrors = loaded.errors;
    this.progress = loadProgress(storage);
  }

  get step(): Step | null {
    return this.lesson?.steps[this.stepIndex] ?? null;
  }

  /**
   * Open what the address asks for and start watching the simulation. `resume`: this page is a
   * reload (or back/forward) of one the student left, so a step left mid-run reopens at its
   * moment; a link opened afresh always starts its step at 0 s.
   */
  start(opts: { resume?: boolean } = {}): void {
    this.unsubscribe.push(this.host.onFrame(this.frame));
    if (this.host.onFault) this.unsubscribe.push(this.host.onFault((a, t) => this.noteAction(a, t)));
    const link = parseLessonLink(this.nav.search(), this.lessons);
    if (link.kind === 'sandbox') this.mode = 'sandbox';
    else if (link.kind === 'lesson') this.open(link.lessonId, link.step ?? undefined);
    // `/` with nothing asked for: back where the student left off (the Lessons button shows the list).
    // A link that sets up a cluster (`?driver=redis&nodes=3`) is shown as it asks, not replaced by a lesson.
    else if (!link.warning && asksNothing(this.nav.search()) && this.progress.last && this.lessons.some((l) => l.id === this.progress.last)) this.open(this.progress.last);
    const moment = takeMoment(this.moments, this.lesson?.id ?? '', this.stepIndex); // read once, whatever happens
    const bad = link.warning !== undefined || (link.kind === 'lesson' && link.badStep !== undefined);
    if (opts.resume === true && !bad && this.mode === 'lesson' && this.lesson) this.resumePayload = moment;
    // After open(): goto() clears the notice of the step it leaves.
    if (link.warning) this.notice = link.warning;
    if (link.kind === 'lesson' && link.badStep !== undefined && this.lesson) {
      this.notice = missingStepNotice(this.lesson.id, link.badStep, this.lesson.steps.length, this.stepIndex);
    }
  }

  /** Whether the page lets the player change the speed (Fast-forward). */
  get canChangeSpeed(): boolean {
    return typeof this.host.setSpeed === 'function';
  }

  /** The lesson after the open one in the course, or null at the end. */
  get nextLesson(): Lesson | null {
    const i = this.lessons.findIndex((l) => l.id === this.lesson?.id);
    return i >= 0 ? (this.lessons[i + 1] ?? null) : null;
  }

  /** Whether the open step's goal has been met (now or on an earlier visit). */
  get stepMet(): boolean {
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step) return false;
    return this.status?.met === true || (this.progress.lessons[lesson.id]?.met.includes(step.id) ?? false);
  }

  /** The last step's goal is met: the lesson is complete (earlier steps may have been skipped). */
  get lessonComplete(): boolean {
    const lesson = this.lesson;
    return !!lesson && this.stepIndex === lesson.steps.length - 1 && this.stepMet;
  }

  /** The step's scripted faults still ahead of the clock, soonest first. */
  get upcoming(): Upcoming[] {
    const step = this.step;
    if (!step || this.mode !== 'lesson') return [];
    return step.events.filter((e) => e.atSec > this.elapsedSec).sort((a, b) => a.atSec - b.atSec);
  }

  /**
   * Run the simulation at top speed until the goal's verdict is in (or the step's timeline
   * ends), then go back to the chosen speed. The runner slices the work per animation frame,
   * so the page stays responsive and the Goal box shows the progress as it goes.
   */
  fastForward(): void {
    const target = this.fastForwardTarget;
    if (this.fastForwarding || target === null) return;
    this.fastForwarding = true;
    this.ffUntilMs = target === 'verdict' ? null : target.atSec * 1000;
    this.speedBefore = this.host.speed ?? null;
    this.host.setSpeed?.(FAST_FORWARD_SPEED);
    this.host.play();
  }

  /**
   * Where Fast-forward would run to: the verdict, or — while the step waits for the student to
   * react to a scripted fault ("Bring Redis back up" before the outage at 60 s) — that fault.
   * Null: nothing to run to (the verdict is in, or the student has to act first).
   */
  get fastForwardTarget(): 'verdict' | Upcoming | null {
    if (this.mode !== 'lesson' || !this.canChangeSpeed || this.status?.decided) return null;
    if (this.askDone !== false) return 'verdict';
    return this.upcoming[0] ?? null;
  }

  /** Back to the speed the student had chosen. */
  stopFastForward(): void {
    if (!this.fastForwarding) return;
    this.fastForwarding = false;
    this.ffUntilMs = null;
    if (this.speedBefore !== null) this.host.setSpeed?.(this.speedBefore);
    this.speedBefore = null;
  }

  /**
   * Remember the run shown and its moment for a reload of this tab (the page calls it on
   * `pagehide`): the same lesson and step then reopen paused where the student left, not at 0 s.
   */
  saveMoment(): void {
    const lesson = this.lesson;
    if (this.mode !== 'lesson' || !lesson || !this.moments) return;
    const run = this.host.runPayload?.() ?? null;
    try {
      if (run === null) this.moments.removeItem(MOMENT_KEY);
      else this.moments.setItem(MOMENT_KEY, JSON.stringify({ lesson: lesson.id, step: this.stepIndex, run }));
    } catch {
      // storage full or refused: a reload starts the step again, as before
    }
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  showList(): void {
    this.stopFastForward();
    this.mode = 'list';
    this.nav.replace('');
  }

  /** Free play: no goal, and no scripted faults (the cluster restarts without the lesson's timeline). */
  sandbox(): void {
    this.mode = 'sandbox';
    this.status = null;
    this.loadStepPending = false;
    this.nav.replace(formatLessonLink('sandbox'));
    const s = this.host.settings;
    if (s && s.events.length > 0) this.host.load({ ...structuredClone(s as SimSettings), events: [] });
  }

  /** Open a lesson at a step (default: where the student left it). */
  open(lessonId: string, step?: number): void {
    const lesson = this.lessons.find((l) => l.id === lessonId);
    if (!lesson) return;
    this.lesson = lesson;
    this.mode = 'lesson';
    this.goto(step ?? resumeStep(this.progress, lesson));
  }

  goto(index: number): void {
    const lesson = this.lesson;
    if (!lesson || index < 0 || index >= lesson.steps.length) return;
    this.stopFastForward();
    this.stepIndex = index;
    this.hintsShown = 0;
    this.solutionShown = false;
    this.quizPick = null;
    this.consoleLog = [];
    this.status = null;
    this.askDone = null;
    this.notice = '';
    this.setProgress(visit(this.progress, lesson.id, index));
    this.nav.replace(formatLessonLink({ lessonId: lesson.id, stepIndex: index }));
    this.loadStepPending = true; // on the next frame, once the page's simulation exists
  }

  next(): void {
    this.goto(this.stepIndex + 1);
  }

  prev(): void {
    this.goto(this.stepIndex - 1);
  }

  /** Let the simulation run (a clicker beat shows its cluster playing). */
  play(): void {
    this.host.play();
  }

  /**
   * Resolves once the open step's simulation runs and its goal is being watched: after
   * {@link goto} or a settings change, when the new cluster is in place; otherwise on the next
   * frame. A clicker beat waits on it before it applies the step's solution.
   */
  whenStepRunning(): Promise<void> {
    return new Promise((resolve) => this.runningWaiters.push(resolve));
  }

  /** Put the step's starting cluster back (virtual time 0). */
  restartStep(): void {
    this.stopFastForward();
    this.loadStepPending = true;
  }

  revealHint(): void {
    this.hintsShown = Math.min(this.hintsShown + 1, this.step?.hints.length ?? 0);
  }

  answer(choice: number): void {
    this.quizPick = choice;
  }

  /** Show the solution without applying it. */
  showSolution(): void {
    this.solutionShown = true;
  }

  /** Apply the solution visibly: settings through the page's controls, faults in the feed, console lines typed. */
  async applySolution(): Promise<void> {
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step) return;
    this.solutionShown = true;
    const sol = step.solution;
    if (Object.keys(sol.settings).length > 0) this.load(buildSettings(stepScenario(lesson, this.stepIndex, true), OPEN_ENDED_SEC, step.events), `the solution of step ${this.stepIndex + 1}`);
    for (const f of sol.actions) this.faultAt(f);
    for (const c of sol.console) await this.typeConsole(c.line);
  }

  /** Trigger a fault from the panel. The host reports it with its exact time; a host that can't is noted here. */
  fault(action: FaultAction): void {
    this.host.fault(action);
    const sim = this.host.sim;
    if (sim && !this.host.onFault) this.noteAction(action, sim.now);
  }

  /**
   * A solution's fault at its time on the step's timeline, as the check does it (a crash at
   * 2 s hits fewer pinned users than one at 60 s): scheduled in the engine if that time is
   * still ahead (the feed reports it when it happens), else now.
   */
  private faultAt(f: ScheduledFault): void {
    const sim = this.host.sim;
    if (!sim || f.atSec * 1000 <= sim.now) return this.fault(f.action);
    sim.schedule(f);
    this.noteAction(f.action, f.atSec * 1000);
    this.notice = `${actionWords(f.action)} is scheduled at ${f.atSec} s, as in the solution.`;
  }

  /** Run a redis-cli line: in the page's console if it is reachable, else here. */
  async typeConsole(line: string): Promise<void> {
    const redis = this.host.sim?.sessionRedis ?? null;
    if (!redis) {
      this.consoleLog = [...this.consoleLog, { line, output: 'Redis is not part of this cluster (SESSION_DRIVER is not redis).' }];
      return;
    }
    const { text } = await fillKeys(redis, line);
    if (this.host.typeRedis) {
      await this.host.typeRedis(text);
      return;
    }
    const r = await runRedisCli(redis, text);
    this.consoleLog = [...this.consoleLog, { line: text, output: r.output }];
  }

  private load(settings: ReturnType<typeof buildSettings>, what: string): void {
    this.waitingFor = { old: this.host.sim, since: performance.now() };
    const ignored = this.host.load(settings, what);
    // Only add a notice: the step's own (a bad ?step= link) must survive the step's first load; goto() clears it.
    if (ignored.length) this.notice = `This step needs settings the simulator's controls cannot set yet (${ignored.join(', ')}): its figures may differ from the lesson's.`;
  }

  private loadStep(): void {
    this.resumedMoment = false;
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step) return;
    this.load(buildSettings(stepScenario(lesson, this.stepIndex, false), OPEN_ENDED_SEC, step.events), `step ${this.stepIndex + 1} of “${lesson.title}” starts`);
  }

  private noteAction(action: FaultAction, atMs: number): void {
    const sim = this.host.sim;
    if (sim && sim !== this.sim) {
      this.early = [...this.early.filter((e) => e.sim === sim), { sim, action, atMs }];
      return;
    }
    this.actions.push(actionRef(action));
    this.evaluator?.noteAction(action, atMs);
  }

  /** A new simulation is running (the step started, or the student changed a setting). */
  private attach(sim: Simulation, step: Step): void {
    this.sim = sim;
    this.actions = [];
    this.evaluator = new GoalEvaluator(step.goal, { runSec: step.runSec, events: step.events });
    const early = this.early.filter((e) => e.sim === sim);
    this.early = [];
    // A rebuilt simulation (a seek back, a reopened run) replayed the faults applied so far: count them again.
    for (const f of this.host.pastFaults?.() ?? []) if (f.atMs <= sim.now) this.noteAction(f.action, f.atMs);
    for (const e of early) this.noteAction(e.action, e.atMs);
    // The step's scripted faults travel in the settings; if the page rebuilt without them, schedule them here.
    const has = sim.settings.events.map(eventKey);
    for (const e of step.events) if (!has.includes(eventKey(e)) && e.atSec * 1000 >= sim.now) sim.schedule(e);
  }

  private frame = (now: number): void => {
    if (this.mode !== 'lesson') return;
    const step = this.step;
    const sim = this.host.sim;
    if (!step || !sim || this.host.loading) return;
    if (this.loadStepPending) {
      this.loadStepPending = false;
      const resume = this.resumePayload;
      this.resumePayload = null;
      if (resume !== null && this.host.openRunPayload?.(resume)) {
        this.resumedMoment = true;
        this.waitingFor = { old: sim, since: performance.now() };
        this.notice = 'Back where you left this step, paused: press Play to go on, or Restart for a fresh start.';
        return;
      }
      this.loadStep();
      return;
    }
    if (this.waitingFor) {
      if (sim === this.waitingFor.old && now - this.waitingFor.since < LOAD_WAIT_MS) return;
      this.waitingFor = null;
    }
    if (sim !== this.sim) this.attach(sim, step);
    if (this.runningWaiters.length) for (const resolve of this.runningWaiters.splice(0)) resolve();
    const status = this.evaluator!.update(sim);
    // Checked every frame, not every publish: at top speed a publish interval is many virtual seconds.
    if (this.fastForwarding && (status.decided || sim.now >= step.runSec * 1000 || (this.ffUntilMs !== null && sim.now >= this.ffUntilMs))) {
      this.stopFastForward();
      this.lastPublish = -Infinity;
    }
    if (status.met && this.lesson && !this.progress.lessons[this.lesson.id]?.met.includes(step.id)) {
      this.setProgress(markMet(this.progress, this.lesson.id, step.id));
    }
    const changed = status.met !== this.status?.met || status.decided !== this.status?.decided;
    if (!changed && now - this.lastPublish < PUBLISH_MS) return;
    this.lastPublish = now;
    this.status = status;
    this.elapsedSec = Math.floor(sim.now / 1000);
    this.askDone = this.measureAsk(sim, step);
  };

  private measureAsk(sim: Simulation, step: Step): boolean | null {
    const ask = step.ask;
    if (ask.setting !== undefined) return askSettingDone(ask, sim.settings as Parameters<typeof askSettingDone>[1]);
    if (ask.action !== undefined) return this.actions.some((a) => a.startsWith(ask.node === undefined ? ask.action! : `${ask.action}:${ask.node}`));
    if (ask.console !== undefined) {
      const cmd = ask.console.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      return (sim.sessionRedis?.commandCalls()[cmd] ?? 0) > 0;
    }
    return null;
  }

  private setProgress(p: Progress): void {
    this.progress = p;
    saveProgress(this.storage, p);
  }
}

/** Query parameters that change how the page runs, not what it shows. */
const VIEW_ONLY_PARAMS = new Set(['speed', 'paused', 'present', 'embed']);

function asksNothing(search: string): boolean {
  return [...new URLSearchParams(search).keys()].every((k) => VIEW_ONLY_PARAMS.has(k));
}

/** The stored moment for this lesson and step, removed from storage (it is used once). */
function takeMoment(storage: Storage | null, lessonId: string, step: number): string | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(MOMENT_KEY);
    storage.removeItem(MOMENT_KEY);
    if (raw === null) return null;
    const m: unknown = JSON.parse(raw);
    if (typeof m !== 'object' || m === null) return null;
    const { lesson, step: s, run } = m as Record<string, unknown>;
    return lesson === lessonId && s === step && typeof run === 'string' ? run : null;
  } catch {
    return null; // unreadable storage or not JSON: start the step afresh
  }
}

function eventKey(e: ScheduledFault): string {
  return `${e.atSec}:${actionRef(e.action)}`;
}
