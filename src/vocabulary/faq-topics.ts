/**
 * The topics /faq/ groups its answers under, in page order, each with the heading it shows. Add a
 * topic here (and nowhere else) when a group of answers needs one; the schema builds its enum from
 * these ids.
 */
export const FAQ_TOPICS = [
  { id: 'sign-in', heading: 'Usernames, passwords and signing in' },
  { id: 'connection', heading: 'Ports, encryption and connection errors' },
  { id: 'sending', heading: 'Sender addresses, limits and bounces' },
  { id: 'receiving', heading: 'Reading mail: IMAP, POP and Gmail' },
  { id: 'developers', heading: 'Scripts, servers and self-hosted apps' },
] as const;

/** The id of a topic (the `topic` field of a FAQ answer). */
export type FaqTopic = (typeof FAQ_TOPICS)[number]['id'];

/** The ids in page order, as a tuple for z.enum. */
export const faqTopicIds = FAQ_TOPICS.map((t) => t.id) as [FaqTopic, ...FaqTopic[]];
