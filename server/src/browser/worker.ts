/** The browser server in a worker of its own (dist/browser/server.js): it talks to whoever created the worker. */
import { startBrowserServer, type ServerPort } from './main';

startBrowserServer(globalThis as unknown as ServerPort);
