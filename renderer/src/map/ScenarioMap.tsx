// The offline map: SVG drawn from the scenario itself (no tiles). Static
// layers (zones, sensors, coverage) are built once per size; events and the
// selected alert are redrawn as the clock moves. Pan by dragging, zoom with
// the wheel or the +/- buttons; the scale bar follows the zoom.
import { geoPath } from 'd3-geo';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedScenario, Zone } from '../../../shared/scenario/loaded-scenario';
import type { AlertView } from '../console/view-model';
import {
  coverageCircle,
  eventOpacity,
  fitMapProjection,
  mapPadding,
  scaleBarFor,
  windForD3,
} from './map-projection';
import {
  labelWidth,
  markerBox,
  placeLabels,
  type LabelRequest,
  type ObstacleBox,
} from './label-placement';
import { openingFocus, wholeGeography } from './map-focus';
import { sensorFootprints } from './sensor-footprints';
import { ZONE_DRAW_ORDER, zoneClassName } from './zone-layers';
import './map.css';

/** Events older than this (exercise time) are no longer drawn. */
const FADE_MS = 6 * 3600_000;
/** At most this many recent events are drawn, however dense the feed. */
const MAX_EVENT_MARKERS = 1500;

export interface ScenarioMapProps {
  scenario: LoadedScenario;
  /** Throttled exercise time and shown count: markers fade in steps, not every frame. */
  now: number;
  shownCount: number;
  selected: AlertView | null;
}

interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** Memoised: the console re-renders every frame, the map only when its throttled inputs change. */
export const ScenarioMap = memo(function ScenarioMap({
  scenario,
  now,
  shownCount,
  selected,
}: ScenarioMapProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ width: 800, height: 500 });
  const [view, setView] = useState<ViewTransform>({ x: 0, y: 0, k: 1 });
  // 'events' frames where the scenario happens; 'all' the whole geography.
  const [frame, setFrame] = useState<'events' | 'all'>('events');
  // A whole-line exercise opens on the whole theatre; a local one on its events.
  const focus = useMemo(() => openingFocus(scenario), [scenario]);
  const framed = useMemo(
    () => (frame === 'events' && focus !== null ? focus : wholeGeography(scenario)),
    [frame, focus, scenario],
  );
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0)
        setSize({ width: Math.round(width), height: Math.round(height) });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const projection = useMemo(
    () => fitMapProjection(framed, size.width, size.height, mapPadding(size.width, size.height)),
    [framed, size],
  );

  // React registers wheel listeners as passive; zooming must prevent scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      const px = e.clientX - rect.left;
      const py = e.clientY - rect.top;
      setView((v) => zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, px, py));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const scale = scaleBarFor(projection, [size.width / 2, size.height / 2], view.k, 140);
  const zoomBy = (factor: number) =>
    setView((v) => zoomAt(v, factor, size.width / 2, size.height / 2));

  return (
    <section className="scenario-map" aria-label="Map of the scenario area">
      <div className="map-box" ref={boxRef}>
        <svg
          ref={svgRef}
          width={size.width}
          height={size.height}
          role="img"
          aria-label={`Map: ${scenario.zones.length} zones, ${scenario.sensors.length} sensors`}
          data-testid="map"
          onPointerDown={(e) => {
            (e.target as Element).setPointerCapture(e.pointerId);
            drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (d) setView((v) => ({ ...v, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y }));
          }}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
        >
          <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
            <StaticLayers scenario={scenario} projection={projection} zoom={view.k} />
            <LabelLayer scenario={scenario} projection={projection} view={view} size={size} />
            <EventLayer
              scenario={scenario}
              projection={projection}
              now={now}
              shownCount={shownCount}
              zoom={view.k}
            />
            {selected ? (
              <SelectedAlert
                scenario={scenario}
                projection={projection}
                alert={selected}
                shownCount={shownCount}
                zoom={view.k}
              />
            ) : null}
          </g>
        </svg>
        <div className="map-zoom" role="group" aria-label="Map zoom">
          <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
            −
          </button>
          <button
            type="button"
            onClick={() => setView({ x: 0, y: 0, k: 1 })}
            aria-label="Reset map view"
            title="Back to the framed view"
          >
            ⌂
          </button>
          {focus !== null ? (
            <button
              type="button"
              className="map-frame"
              aria-pressed={frame === 'all'}
              title={
                frame === 'all'
                  ? 'Frame where the events are'
                  : 'Show the whole geography of the scenario'
              }
              onClick={() => {
                setFrame(frame === 'all' ? 'events' : 'all');
                setView({ x: 0, y: 0, k: 1 });
              }}
            >
              {frame === 'all' ? 'Fit events' : 'Fit all'}
            </button>
          ) : null}
        </div>
        {scale ? (
          <div className="map-scale" data-testid="scale-bar" aria-label={`Scale: ${scale.label}`}>
            <div className="map-scale-bar" style={{ width: scale.px }} />
            <span>{scale.label}</span>
          </div>
        ) : null}
        <MapLegend />
      </div>
    </section>
  );
});

function zoomAt(v: ViewTransform, factor: number, px: number, py: number): ViewTransform {
  const k = Math.min(64, Math.max(0.5, v.k * factor));
  const f = k / v.k;
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

type Projection = ReturnType<typeof fitMapProjection>;

const StaticLayers = memo(function StaticLayers(props: {
  scenario: LoadedScenario;
  projection: Projection;
  zoom: number;
}) {
  const { scenario, projection, zoom } = props;
  const path = geoPath(projection);
  // Many overlapping names are unreadable: zone names appear once zoomed in.
  const showZoneLabels = scenario.zones.length <= 8 || zoom >= 2.5;
  const zones = [...scenario.zones].sort(
    (a, b) => ZONE_DRAW_ORDER[a.kind] - ZONE_DRAW_ORDER[b.kind],
  );
  const footprints = sensorFootprints(scenario.sensors);
  return (
    <g className="static-layers" style={{ ['--zoom' as string]: zoom }}>
      {zones.map((zone) => {
        if (zone.kind === 'infrastructure' && zone.geometry.type === 'Point') {
          const [lon, lat] = zone.geometry.coordinates as [number, number];
          const xy = projection([lon, lat]);
          const ring = coverageCircle(lon, lat, (zone.radius_m ?? 500) / 1000);
          return (
            <g key={zone.id} className={zoneClassName(zone)} data-zone-id={zone.id}>
              <path d={path(ring) ?? ''} vectorEffect="non-scaling-stroke" />
              {xy ? (
                <rect x={xy[0] - 3 / zoom} y={xy[1] - 3 / zoom} width={6 / zoom} height={6 / zoom}>
                  <title>{zone.name} (protected site)</title>
                </rect>
              ) : null}
            </g>
          );
        }
        if (zone.kind === 'settlement' && zone.geometry.type === 'Point') {
          const [lon, lat] = zone.geometry.coordinates as [number, number];
          const ring = coverageCircle(lon, lat, (zone.radius_m ?? 1000) / 1000);
          return (
            <g key={zone.id} className="zone zone-settlement">
              <path d={path(ring) ?? ''}>
                <title>{zone.name}</title>
              </path>
            </g>
          );
        }
        const d = path(windForD3(zone.geometry)) ?? '';
        if (zone.kind === 'context') {
          // Muted and silent: no name, no tooltip over the whole island.
          return (
            <g key={zone.id} className={zoneClassName(zone)} data-zone-id={zone.id}>
              <path d={d} vectorEffect="non-scaling-stroke" />
            </g>
          );
        }
        const town = zone.kind === 'settlement';
        const centroid =
          zone.kind === 'line-of-contact' ? null : path.centroid(windForD3(zone.geometry));
        return (
          <g key={zone.id} className={zoneClassName(zone)} data-zone-id={zone.id}>
            <path d={d} vectorEffect="non-scaling-stroke">
              <title>
                {zone.name} ({zone.kind})
              </title>
            </path>
            {!town &&
            centroid &&
            Number.isFinite(centroid[0]) &&
            zone.kind !== 'sector' &&
            showZoneLabels ? (
              <text x={centroid[0]} y={centroid[1]} fontSize={11 / zoom} textAnchor="middle">
                {zone.name}
              </text>
            ) : null}
          </g>
        );
      })}
      {footprints.map((f) => (
        <path
          key={f.key}
          className="footprint"
          d={path(windForD3(f.polygon)) ?? ''}
          vectorEffect="non-scaling-stroke"
        >
          <title>
            {f.areas.join(', ') || 'Sensor scene'} ({f.sensors.join(', ')})
          </title>
        </path>
      ))}
      {scenario.sensors.map((sensor) => {
        const xy = projection([sensor.lon, sensor.lat]);
        if (!xy) return null;
        return (
          <g key={sensor.id} className={`sensor sensor-${sensor.kind}`} data-sensor-id={sensor.id}>
            {sensor.range_km ? (
              <path
                className="coverage"
                d={path(coverageCircle(sensor.lon, sensor.lat, sensor.range_km)) ?? ''}
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
            <rect
              x={xy[0] - 4 / zoom}
              y={xy[1] - 4 / zoom}
              width={8 / zoom}
              height={8 / zoom}
              transform={`rotate(45 ${xy[0]} ${xy[1]})`}
            >
              <title>
                {sensor.id} ({sensor.kind}
                {sensor.range_km ? `, ${sensor.range_km} km` : ''})
              </title>
            </rect>
          </g>
        );
      })}
    </g>
  );
});

/**
 * The names, placed for the part of the map in view: redrawn as the view pans
 * and zooms (a few dozen boxes), apart from the static layers.
 */
const LabelLayer = memo(function LabelLayer(props: {
  scenario: LoadedScenario;
  projection: Projection;
  view: ViewTransform;
  size: { width: number; height: number };
}) {
  const { scenario, projection, view, size } = props;
  const zoom = view.k;
  const labels = useMemo(() => {
    const path = geoPath(projection);
    const zones = [...scenario.zones].sort(
      (a, b) => ZONE_DRAW_ORDER[a.kind] - ZONE_DRAW_ORDER[b.kind],
    );
    const showZoneLabels = scenario.zones.length <= 8 || zoom >= 2.5;
    // The frame in the layer's zoomed (unpanned) px.
    const bounds = { x0: -view.x, y0: -view.y, x1: size.width - view.x, y1: size.height - view.y };
    return placeMapLabels(
      scenario,
      zones,
      sensorFootprints(scenario.sensors),
      projection,
      path,
      zoom,
      showZoneLabels,
      bounds,
    );
  }, [scenario, projection, zoom, view.x, view.y, size.width, size.height]);
  return (
    <g className="map-labels">
      {labels.map((l) =>
        l.leader ? (
          <line
            key={`leader:${l.id}`}
            className="label-leader"
            x1={l.ax / zoom}
            y1={l.ay / zoom}
            x2={(l.x + l.width / 2) / zoom}
            y2={(l.y < l.ay ? l.y + 2 : l.y - l.fontPx) / zoom}
            strokeWidth={1 / zoom}
          />
        ) : null,
      )}
      {labels.map((l) => (
        <text
          key={l.id}
          className={l.className}
          x={l.x / zoom}
          y={l.y / zoom}
          fontSize={l.fontPx / zoom}
        >
          {l.text}
        </text>
      ))}
    </g>
  );
});

/** Lines of text a name may stand away from its place, joined to it by a leader line. */
const LABEL_ROWS = 3;

/** Towns and cities in larger type than villages (pre-war census, format version 2). */
function placeFontPx(zone: Zone): number {
  const people = zone.population ?? 0;
  if (people >= 100_000) return 12;
  if (people >= 20_000) return 11;
  return 10;
}

/** Sensor diamonds (8 px, turned 45°) and protected-site squares labels must not cover. */
const SENSOR_MARK_PX = 12;
const SITE_MARK_PX = 7;
const PLACE_MARK_PX = 5;

/**
 * Every name the map prints, placed so that none covers another or a marker
 * (docs: label-placement.ts): towns first, then villages, protected sites
 * (when zone names show), then the names of the satellites' tasked areas.
 */
function placeMapLabels(
  scenario: LoadedScenario,
  zones: readonly Zone[],
  footprints: ReturnType<typeof sensorFootprints>,
  projection: Projection,
  path: ReturnType<typeof geoPath>,
  zoom: number,
  showZoneLabels: boolean,
  bounds: ObstacleBox,
) {
  const anchorOf = (zone: Zone): [number, number] | null => {
    if (zone.geometry.type === 'Point')
      return projection(zone.geometry.coordinates as [number, number]);
    const c = path.centroid(windForD3(zone.geometry));
    return Number.isFinite(c[0]) ? [c[0], c[1]] : null;
  };
  type Request = LabelRequest & { text: string; fontPx: number; className: string };
  const requests: Request[] = [];
  const obstacles: ObstacleBox[] = [];
  const request = (
    id: string,
    xy: [number, number] | null,
    text: string,
    fontPx: number,
    className: string,
  ) => {
    if (!xy) return;
    requests.push({
      id,
      ax: xy[0] * zoom,
      ay: xy[1] * zoom,
      width: labelWidth(text, fontPx),
      height: fontPx,
      text,
      fontPx,
      className,
    });
  };
  // The most populous first, as a map names its cities before its villages
  // (format version 2 `population`; drawn areas before points when unknown).
  const settlements = zones
    .filter((z) => z.kind === 'settlement')
    .map((zone, i) => ({ zone, i }))
    .sort(
      (a, b) =>
        (b.zone.population ?? -1) - (a.zone.population ?? -1) ||
        Number(a.zone.geometry.type === 'Point') - Number(b.zone.geometry.type === 'Point') ||
        a.i - b.i,
    )
    .map((s) => s.zone);
  // Every settlement's dot is an obstacle before any name is placed.
  const anchors = new Map(settlements.map((zone) => [zone.id, anchorOf(zone)]));
  for (const xy of anchors.values())
    if (xy) obstacles.push(markerBox(xy[0] * zoom, xy[1] * zoom, PLACE_MARK_PX));
  for (const zone of settlements) {
    request(zone.id, anchors.get(zone.id) ?? null, zone.name, placeFontPx(zone), 'label-place');
  }
  for (const zone of zones.filter((z) => z.kind === 'infrastructure')) {
    const xy = anchorOf(zone);
    if (showZoneLabels) request(zone.id, xy, zone.name, 10, 'label-site');
    if (xy) obstacles.push(markerBox(xy[0] * zoom, xy[1] * zoom, SITE_MARK_PX));
  }
  // Sensors sit every few km along the line, among the villages: a name may
  // cover a sensor's diamond when no place beside its village is clear of
  // them (its halo keeps both legible), rather than drop out.
  const sensorMarks: ObstacleBox[] = [];
  for (const sensor of scenario.sensors) {
    const xy = projection([sensor.lon, sensor.lat]);
    if (xy) sensorMarks.push(markerBox(xy[0] * zoom, xy[1] * zoom, SENSOR_MARK_PX));
  }
  for (const f of footprints) {
    if (f.areas.length === 0) continue;
    const c = path.centroid(windForD3(f.polygon));
    if (Number.isFinite(c[0]))
      request(`fp:${f.key}`, [c[0], c[1]], f.areas.join(' / '), 10, 'label-area');
  }
  const byId = new Map(requests.map((r) => [r.id, r]));
  return placeLabels(requests, obstacles, { bounds, rows: LABEL_ROWS, soft: sensorMarks }).map(
    (p) => {
      const r = byId.get(p.id)!;
      return {
        ...p,
        ax: r.ax,
        ay: r.ay,
        width: r.width,
        text: r.text,
        fontPx: r.fontPx,
        className: r.className,
      };
    },
  );
}

const EventLayer = memo(function EventLayer(props: {
  scenario: LoadedScenario;
  projection: Projection;
  now: number;
  shownCount: number;
  zoom: number;
}) {
  const { scenario, projection, now, shownCount, zoom } = props;
  const markers = [];
  // Replay order is by shownAt, so the recent ones are the last shown.
  for (let i = Math.min(shownCount, scenario.events.length) - 1; i >= 0; i--) {
    const e = scenario.events[i]!;
    const age = now - e.shownAt;
    if (age > FADE_MS || markers.length >= MAX_EVENT_MARKERS) break;
    // Shown after this clock: the caller's clock and count are out of step. It
    // used to end the loop, so the map emptied for a redraw now and then.
    if (age < 0) continue;
    // In 1/20 steps: a marker's attribute then changes every ~18 redraws at
    // 300x instead of on each one (1500 setAttribute calls per redraw were
    // the map's main cost on a 100k-event scenario).
    const opacity = Math.ceil(eventOpacity(age, FADE_MS) * 20) / 20;
    if (opacity === 0) continue;
    if (e.event.lat === undefined || e.event.lon === undefined) continue;
    const xy = projection([e.event.lon, e.event.lat]);
    if (!xy) continue;
    markers.push(
      <circle
        key={e.event.id}
        className={`event-dot source-${e.event.source}`}
        cx={xy[0]}
        cy={xy[1]}
        r={4 / zoom}
        opacity={opacity}
      />,
    );
  }
  return <g className="event-layer">{markers}</g>;
});

function SelectedAlert(props: {
  scenario: LoadedScenario;
  projection: Projection;
  alert: AlertView;
  shownCount: number;
  zoom: number;
}) {
  const { scenario, projection, alert, shownCount, zoom } = props;
  const points = alert.eventSeqs
    .filter((seq) => seq < shownCount)
    .map((seq) => scenario.events[seq]?.event)
    .filter((e) => e && e.lat !== undefined && e.lon !== undefined)
    .map((e) => projection([e!.lon!, e!.lat!]))
    .filter((xy): xy is [number, number] => xy !== null);
  if (points.length === 0) return null;
  return (
    <g className={`selected-alert sev-${alert.severity}`} data-testid="map-selected-alert">
      {points.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={9 / zoom} strokeWidth={2.5 / zoom} />
      ))}
    </g>
  );
}

function MapLegend() {
  return (
    <ul className="map-legend" aria-label="Map legend">
      <li>
        <span className="swatch swatch-loc" /> line of contact
      </li>
      <li>
        <span className="swatch swatch-dmz" /> DMZ / disengagement
      </li>
      <li>
        <span className="swatch swatch-excl" /> weapons exclusion
      </li>
      <li>
        <span className="swatch swatch-buffer" /> buffer zone
      </li>
      <li>
        <span className="swatch swatch-site" /> protected site
      </li>
      <li>
        <span className="swatch swatch-sensor" /> sensor + coverage
      </li>
      <li>
        <span className="swatch swatch-footprint" /> satellite scene (tasked area)
      </li>
    </ul>
  );
}
