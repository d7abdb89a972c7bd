import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'import-ucdp',
  summary: 'not implemented yet',
  usage: 'truceline import-ucdp: not implemented yet',
  async run() {
    err('truceline import-ucdp: not implemented yet');
    return EXIT.invalid;
  },
};
