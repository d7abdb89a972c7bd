// What the version-2 walkthrough decides per action and input, kept out of
// the components so that it is tested: who acts in a step, whether the
// participant gets a control or the reason why not, and which values an
// input takes (the vocabularies are shared/'s, never retyped here).
import type { OfferedRunAction } from '../../../shared/protocol/protocol-run';
import type { ReportProduct } from '../../../shared/exercise/log-data';
import { PRODUCT_TITLES, productTakingAction } from '../../../shared/exercise/report-products';
import {
  ALL_PARTIES,
  INPUT_VOCABULARIES,
  NO_ATTRIBUTION,
  PARTY_MOVES,
  isPartyMove,
  type ProtocolInput,
  type ProtocolRole,
} from '../../../shared/protocol/schema';

/** A participant of the console: the roles a console session can have. */
export type ConsoleRole = 'operator' | 'controller';

const ROLE_NAMES: Record<ProtocolRole, string> = {
  operator: 'Operator',
  controller: 'Controller',
  party: 'Parties (liaison officers)',
  'guarantor-chair': "Guarantors' chair",
};

/** "Operator", "Operator · Parties (liaison officers)"… */
export function whoActsLabel(roles: readonly ProtocolRole[]): string {
  return roles.length === 0 ? 'nobody (no action)' : roles.map((r) => ROLE_NAMES[r]).join(' · ');
}

/** What the walkthrough renders for one offered action. */
export type ActionControl =
  /** A form; `blockedBy` disables its button and says why (acknowledgements or moves missing). */
  | { kind: 'form'; blockedBy: string | null }
  /** No control: the participant may not take it; `why` is shown in its place. */
  | { kind: 'elsewhere'; why: string }
  /**
   * A button that opens the product's editor in the Reports panel: the action
   * is taken by writing the product, never on its own (docs/ESCALATION-PROTOCOL.md,
   * "Report products").
   */
  | { kind: 'product'; product: ReportProduct; label: string };

/** Whether the console's participant gets a control for an action, or why not. */
export function actionControl(action: OfferedRunAction, role: ConsoleRole): ActionControl {
  if (action.roles.includes('party') && isPartyMove(action.id)) {
    return {
      kind: 'elsewhere',
      why:
        role === 'controller'
          ? 'A party acts here — make the move for the party from the SimCell panel.'
          : "A party acts here — its liaison's move comes from the controller's SimCell panel.",
    };
  }
  if (!action.roles.includes(role)) {
    const who = action.roles.map((r) => ROLE_NAMES[r]).join(' or ');
    const played =
      action.roles.includes('guarantor-chair') && !action.roles.includes('operator')
        ? role === 'controller'
          ? ' — take it as the chair from the SimCell panel'
          : " (the controller's SimCell plays the chair)"
        : '';
    return { kind: 'elsewhere', why: `${who} acts here, not the ${role}${played}.` };
  }
  const product = productTakingAction(action);
  if (product !== null) {
    return {
      kind: 'product',
      product,
      label: `Write the ${PRODUCT_TITLES[product].toLowerCase()}`,
    };
  }
  return { kind: 'form', blockedBy: action.blockedBy };
}

/** The verb of a party move ("reply", "request a meeting"…), or the action's id. */
export function moveVerb(id: string): string {
  return isPartyMove(id) ? PARTY_MOVES[id].verb : id;
}

/** One choice of a fixed-value input. */
export interface InputChoice {
  value: string;
  label: string;
}

/**
 * The values an input may take, or null for free text: a party, an
 * attribution (a party to the ceasefire, unattributed, undetermined), and
 * the vocabularies of shared/protocol/schema.ts (reply kind, intent, outcome).
 */
export function inputChoices(
  input: ProtocolInput,
  parties: readonly { id: string; name: string; role?: string }[],
): InputChoice[] | null {
  if (input === 'party') return parties.map((p) => ({ value: p.id, label: p.name }));
  if (input === 'attribution') {
    return [
      ...parties
        .filter((p) => p.role === undefined || p.role === 'party')
        .map((p) => ({ value: p.id, label: p.name })),
      ...NO_ATTRIBUTION.map((v) => ({ value: v, label: v })),
    ];
  }
  const vocabulary = INPUT_VOCABULARIES[input];
  return vocabulary ? vocabulary.map((v) => ({ value: v, label: v })) : null;
}

/**
 * The values of a version-2 action's input: as inputChoices, except that a
 * request (`party`) goes to a party to the ceasefire or to all of them — the
 * operator's choice, never a default, since the form starts at "choose…".
 */
export function runInputChoices(
  input: ProtocolInput,
  parties: readonly { id: string; name: string; role?: string }[],
): InputChoice[] | null {
  if (input !== 'party') return inputChoices(input, parties);
  return [
    ...parties
      .filter((p) => p.role === undefined || p.role === 'party')
      .map((p) => ({ value: p.id, label: p.name })),
    { value: ALL_PARTIES, label: 'All parties (who fired is undetermined)' },
  ];
}

/** Labels of the inputs as the forms show them. */
export const INPUT_LABELS: Record<ProtocolInput, string> = {
  rationale: 'Rationale',
  summary: 'Summary',
  measures: 'Measures',
  party: 'Party',
  kind: 'Kind of reply',
  text: 'Text, verbatim',
  evidence: 'Evidence relied on',
  attribution: 'Attribution',
  intent: 'Intent',
  outcome: 'Outcome',
};

/** Inputs still empty (after trimming), in the order the action requires them. */
export function missingInputs(
  requires: readonly ProtocolInput[],
  inputs: Partial<Record<ProtocolInput, string>>,
): ProtocolInput[] {
  return requires.filter((r) => !(inputs[r] ?? '').trim());
}
