#!/usr/bin/env node
// The Corpus Lens language server process. VS Code starts it over IPC; other editors start
// `node dist/server.js --stdio`. Only this file makes the real connection.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { NodeArticleSource } from './host/nodeArticleSource';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { source: new NodeArticleSource() });
