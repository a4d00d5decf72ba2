"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";

export type TNotificationItem = { id: string; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };
type TList = { items: TNotificationItem[]; unread: number };

/** The signed-in user's notifications, polled: a submission reaches an officer's bell within seconds. */
export function useNotifications(limit: number) {
  return useQuery({
    queryKey: ["notifications", limit],
    queryFn: () => callApi<TList>(`/api/v1/notifications?limit=${limit}`, { method: "GET" }),
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
    staleTime: 5_000,
  });
}

/** Marks some ({ ids }) or all of one's notifications read; every list and the bell refresh. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => callApi<{ marked: number }>("/api/v1/notifications/read", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
