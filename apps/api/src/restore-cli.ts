// `node apps/api/dist/restore-cli.js FILE`: npm run restore where only the built server is
// installed (the Docker image). docs/backup.md
import { main } from './cli/restore';

process.exitCode = await main(process.argv.slice(2));
