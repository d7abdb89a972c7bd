import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'exercise',
  summary: 'not implemented yet',
  usage: 'truceline exercise: not implemented yet',
  async run() {
    err('truceline exercise: not implemented yet');
    return EXIT.invalid;
  },
};
