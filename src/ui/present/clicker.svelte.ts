/**
 * A lesson as a clicker demo (issue 12): the {@link BeatWalker} bound to the lesson player.
 * A problem beat opens the step (its start set-up) and plays; a solution beat applies the
 * step's solution through the player's own `applySolution` — the path of the panel's
 * "Apply it", so the feed, the run log and the timeline record it the same way. The address
 * bar follows each beat (`&step=N&beat=solution`), so a reload keeps the place.
 */
import { formatBeatLink, parseBeat, type Beat } from '../../lessons/beats';
import { parseLessonLink } from '../../lessons/link';
import type { LessonPlayer, Nav } from '../lessons/lessonPlayer.svelte';
import { BeatWalker } from './beatWalker';

export class Clicker {
  /** Bumped by the walker, so views re-read {@link beat} and {@link busy}. */
  private version = $state(0);
  private readonly walker: BeatWalker;
  /** The address as the page opened (the player rewrites it when it opens the step). */
  private readonly openedWith: string;
  /** The next beat applied is the one the link asked for (a reload may have reopened it already). */
  private fromLink = false;

  constructor(
    private readonly player: LessonPlayer,
    private readonly nav: Nav,
  ) {
    this.openedWith = nav.search();
    this.walker = new BeatWalker(
      {
        lesson: () => (player.mode === 'lesson' ? player.lesson : null),
        stepIndex: () => player.stepIndex,
        apply: (to, from) => this.apply(to, from),
      },
      () => this.version++,
    );
  }

  /** The beat on the stage (or being put there while {@link busy}); null with no lesson open. */
  get beat(): Beat | null {
    void this.version;
    return this.walker.here();
  }

  /** Whether a beat is still being applied. */
  get busy(): boolean {
    void this.version;
    return this.walker.busy;
  }

  next(): boolean {
    return this.walker.next();
  }

  prev(): boolean {
    return this.walker.prev();
  }

  /**
   * After the player has opened what the link asks for: go to the link's beat
   * (`&beat=solution`), or say why not. A link whose step was bad already has its notice.
   */
  start(): void {
    const lesson = this.player.lesson;
    const link = parseLessonLink(this.openedWith, this.player.lessons);
    if (this.player.mode !== 'lesson' || !lesson || link.kind !== 'lesson' || link.lessonId !== lesson.id || link.step === null) return;
    const { beat, notice } = parseBeat(this.openedWith, lesson, link.step);
    if (notice) this.player.notice = notice;
    if (beat.phase !== 'solution') return;
    this.fromLink = true;
    this.walker.go(beat);
  }

  /** Put a beat on the page and wait until it is there. */
  private async apply(to: Beat, from: Beat): Promise<void> {
    const fromLink = this.fromLink;
    this.fromLink = false;
    const player = this.player;
    const lesson = player.lesson;
    if (!lesson) return;
    // A solution goes on top of its own step's problem; anything else starts the step afresh.
    const onItsProblem = to.phase === 'solution' && from.step === to.step && from.phase === 'problem' && player.stepIndex === to.step;
    if (!onItsProblem) player.goto(to.step);
    await player.whenStepRunning();
    // A reload reopened the run where it was, solution and all (the player keeps the moment, paused).
    if (!(fromLink && player.resumedMoment)) {
      player.play();
      if (to.phase === 'solution') {
        await player.applySolution();
        player.play();
        await player.whenStepRunning(); // a settings solution restarts the cluster: wait for it
      }
    }
    if (player.lesson === lesson && player.stepIndex === to.step) this.nav.replace(formatBeatLink(lesson.id, to));
  }
}
