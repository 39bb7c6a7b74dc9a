FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
EXPOSE 3000
# The same V8 heap settings as `npm start` (README, Configuration).
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=256", "dist/apps/api/main.js"]
