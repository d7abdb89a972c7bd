import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'verify',
  summary: 'not implemented yet',
  usage: 'truceline verify: not implemented yet',
  async run() {
    err('truceline verify: not implemented yet');
    return EXIT.invalid;
  },
};
