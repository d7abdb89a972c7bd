import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'report',
  summary: 'not implemented yet',
  usage: 'truceline report: not implemented yet',
  async run() {
    err('truceline report: not implemented yet');
    return EXIT.invalid;
  },
};
