import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'generate',
  summary: 'not implemented yet',
  usage: 'truceline generate: not implemented yet',
  async run() {
    err('truceline generate: not implemented yet');
    return EXIT.invalid;
  },
};
