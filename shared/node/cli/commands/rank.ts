import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'rank',
  summary: 'not implemented yet',
  usage: 'truceline rank: not implemented yet',
  async run() {
    err('truceline rank: not implemented yet');
    return EXIT.invalid;
  },
};
