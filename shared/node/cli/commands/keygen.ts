import { EXIT, err, type Command } from '../command';

// Placeholder until its issue lands: says so plainly instead of pretending.
export const command: Command = {
  name: 'keygen',
  summary: 'not implemented yet',
  usage: 'truceline keygen: not implemented yet',
  async run() {
    err('truceline keygen: not implemented yet');
    return EXIT.invalid;
  },
};
