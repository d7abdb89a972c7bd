// The events of one exercise on the notional front: the mission's sensors as
// tasked for it, the scripted incidents (refused if a sensor could not have
// seen them) and the seeded background around them, which keeps clear of the
// incidents' places and times.
import { generateBackground, type BackgroundOptions } from './background-activity';
import type { EventDraft } from './event-draft';
import {
  LINE_72H_SENSOR_PLAN,
  missionSensors,
  type MissionSensor,
  type SensorPlan,
} from './notional-front';
import { scripted, type ScriptedEvent } from './scripted-event';
import { seededRandom } from './seeded-random';

export interface ExerciseEventsOptions {
  start: number;
  end: number;
  /** Local midnight at the start of exercise day 1 (epoch ms). */
  localDayOne: number;
  plan?: SensorPlan;
  /** A mission drone lost or sent home (epoch ms): the sortie it was flying ends then. */
  sortieCut?: { sensor: string; at: number };
  scripted: readonly ScriptedEvent[];
  /** The background's own settings, and the seed of its generator. */
  background: Pick<
    BackgroundOptions,
    'sectors' | 'rate' | 'satellites' | 'corroborated' | 'kinds'
  > & {
    seed: number;
  };
}

export function exerciseEvents(options: ExerciseEventsOptions): {
  sensors: MissionSensor[];
  incidents: EventDraft[];
  background: EventDraft[];
} {
  const { start, end, localDayOne } = options;
  const plan = options.plan ?? LINE_72H_SENSOR_PLAN;
  const sensors = missionSensors(start, end, localDayOne, plan);
  const cut = options.sortieCut;
  if (cut) {
    const drone = sensors.find((s) => s.id === cut.sensor)!;
    drone.windows = drone.windows.map(([a, b]) =>
      a < cut.at && b > cut.at ? [a, cut.at] : [a, b],
    );
  }
  const incidents = options.scripted.map((row) => scripted(row, localDayOne, sensors));
  const { seed, ...settings } = options.background;
  const background = generateBackground({
    ...settings,
    random: seededRandom(seed),
    start,
    end,
    sensors,
    reserved: incidents.filter((d) => d.at).map((d) => ({ at: d.at!, t: d.t })),
    cloudBlocked: plan.cloudBlocked,
    localDayOne,
  });
  return { sensors, incidents, background };
}
