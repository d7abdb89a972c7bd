import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'validate',
  summary: 'not implemented yet',
  usage: 'truceline validate: not implemented yet',
  async run() {
    err('truceline validate: not implemented yet');
    return EXIT.invalid;
  },
};
