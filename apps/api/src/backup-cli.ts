// `node apps/api/dist/backup-cli.js`: npm run backup where only the built server is installed
// (the Docker image). docs/backup.md
import { main } from './cli/backup';

process.exitCode = await main(process.argv.slice(2));
