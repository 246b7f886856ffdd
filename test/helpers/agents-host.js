// Jest setup for the "agents host" project: the same suites, on the Microsoft 365 Agents SDK.
process.env.BOT_SDK = 'agents';
