// schema.org structured data for FAQ answers, and the safe way to put JSON inside <script>.

export interface QuestionInput {
  question: string;
  /** The answer text exactly as the page shows it. */
  answer: string;
  /** Absolute URL of the answer. */
  url: string;
}

function question(q: QuestionInput) {
  return {
    '@type': 'Question',
    name: q.question,
    url: q.url,
    acceptedAnswer: { '@type': 'Answer', text: q.answer },
  };
}

/** A FAQPage listing every question with its answer text. */
export function faqPageLd(url: string, name: string, questions: QuestionInput[]) {
  return { '@context': 'https://schema.org', '@type': 'FAQPage', url, name, mainEntity: questions.map(question) };
}

/** JSON that cannot end the <script> element it sits in, nor open an HTML comment. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
