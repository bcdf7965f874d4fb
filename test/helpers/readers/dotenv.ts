// .env files through the dotenv package (in process): the values, as Laravel's loader sees them.
import { parse as parseDotenv } from 'dotenv';
import type { Reader } from './tools.ts';

export const dotenv: Reader = async (sources) => Promise.resolve(sources.map((src) => Object.values(parseDotenv(src))));
