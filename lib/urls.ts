/** Every internal address the site links to, built in one place. */

export const articlePath = (slug: string) => `/article/${slug}`;
export const sectionPath = (id: string) => `/section/${id}`;
export const authorPath = (id: string) => `/author/${id}`;
export const topicPath = (slug: string) => `/topic/${encodeURIComponent(slug)}`;
export const pagePath = (id: string) => `/about/${id}`;
